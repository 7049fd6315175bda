#include "core/x/public.h"
#include "core/x/secret_internal.h"
#include "secret_internal.h"
#include <string>
#include <QString>  // VIOLATION: Qt in core
