#include "core/x/public.h"
#include "solver/gp/gp_solver.h"
#include <QElapsedTimer>  // VIOLATION: Qt in bench outside bench/views
#include "views/w.h"  // VIOLATION: bench includes views outside bench/views
#include "app/cli/cli.h"  // VIOLATION: bench includes app
