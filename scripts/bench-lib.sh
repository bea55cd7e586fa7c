# Shared by scripts/bench and scripts/bench-threads (sourced, not run).
# SPDX-License-Identifier: GPL-2.0-or-later

# Configures and builds the optimised binary in $top/build-release.
release_build () {
  if [ -f "$top/build-release/build.ninja" ]; then
    meson setup --reconfigure "$top/build-release" --buildtype=release -Dtests=false >/dev/null
  else
    meson setup "$top/build-release" --buildtype=release -Dtests=false >/dev/null
  fi
  ninja -C "$top/build-release" >/dev/null
}

# geonames_tsv CITIES OUT: the GeoNames list as a native gazetteer (id,
# place, name, ASCII name).
geonames_tsv () {
  awk -F'\t' 'NR > 1 && $2 != "" { id = "geonames_" $1; if (seen[id]++) next;
    alt = ($3 != "" && $3 != $2) ? $3 : "";
    gsub(/\|/, " ", alt); printf "%s\tplace\t%s\t%s\n", id, $2, alt }' "$1" >"$2"
}
