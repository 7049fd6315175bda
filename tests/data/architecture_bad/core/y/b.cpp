#include "core/x/public.h"
#include "core/x/secret_internal.h"  // VIOLATION: another folder's internal header
#include "../x/secret_internal.h"  // VIOLATION: the same, written relative
