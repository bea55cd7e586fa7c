/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <actnet/actnet-error.h>

G_DEFINE_QUARK (actnet-error-quark, actnet_error)
