#include <QApplication>
#include <qcustomplot.h>
#include "core/x/public.h"
#include "views/w.h"
#include "app/gui/main_window.h"  // VIOLATION: bench/views includes app
