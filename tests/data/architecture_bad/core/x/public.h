#pragma once
#include "core/x/secret_internal.h"
