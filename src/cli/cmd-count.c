/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli.h"

int
actnet_cmd_count (int argc, char **argv)
{
  cli_error ("not implemented yet");
  return ACTNET_EXIT_FAILURE;
}
