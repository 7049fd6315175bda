#pragma once
#include <QWidget>
#include <qcustomplot.h>
#include "core/x/public.h"
