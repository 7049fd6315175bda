#include <QApplication>
#include "core/x/public.h"
#include "solver/gp/gp_solver.h"
#include "views/w.h"
