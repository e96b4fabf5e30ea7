#!/bin/sh
# Fetch the npm packages listed in vendor.yaml into this folder, one folder per package,
# and check every file's sha256 against vendor.yaml. Run it by hand after changing a
# version (then write the new hashes into vendor.yaml); builds never run it.
#   sh src/waqai/assets/vendor/fetch.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$here/vendor.yaml" >"$tmp/list" <<'PY'
import sys, yaml
for name, package in yaml.safe_load(open(sys.argv[1], encoding="utf-8")).items():
    for file, sha in package["files"].items():
        print(name, package["version"], file, sha)
PY
while read -r name version file sha; do
  if [ ! -d "$tmp/$name" ]; then
    (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null && mkdir "$name" && tar xzf "$name-$version.tgz" -C "$name")
  fi
  mkdir -p "$(dirname "$here/$name/$file")"
  cp "$tmp/$name/package/$file" "$here/$name/$file"
  echo "$sha  $here/$name/$file" | sha256sum -c -
done <"$tmp/list"
