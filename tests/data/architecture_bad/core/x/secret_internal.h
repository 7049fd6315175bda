#pragma once
// Internal to core/x.
#include <vector>
