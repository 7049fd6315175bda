#include "solver/gp/gp_solver.h"  // VIOLATION: core includes solver
#include "views/w.h"  // VIOLATION: core includes views
#include "app/gui/main_window.h"  // VIOLATION: core includes app
