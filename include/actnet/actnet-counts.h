/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <actnet/actnet-cooccur.h>

G_BEGIN_DECLS
/* (API being written) */
G_END_DECLS
