#include "views/w.h"
#include <gvc.h>
#include "solver/gp/gp_solver.h"  // VIOLATION: views include solver
#include "app/gui/main_window.h"  // VIOLATION: views include app
