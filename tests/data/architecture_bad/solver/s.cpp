#include "core/x/public.h"
#include "views/w.h"  // VIOLATION: solver includes views
#include "app/cli/cli.h"  // VIOLATION: solver includes app
#include <QtCore/QObject>  // VIOLATION: Qt in solver
#include <qcustomplot.h>  // VIOLATION: QCustomPlot in solver
#include <gvc.h>  // VIOLATION: Graphviz in solver
