# Sourced by .ci/run: where the workspace holds an Odoo 18 tree (../shared/odoo-18),
# give `make test` an Odoo to run the add-on tests on. Idempotent and quick once done:
# - a virtualenv with the tree's requirements, made once under a cache folder and
#   reused while the requirements and the Python are the same;
# - Debian's chromium for the tours, installed when missing (CI runs as root);
# - ODOO_SRC and ODOO_PYTHON exported for tools/odoo_env.py.
# Without the tree nothing is set: `make test` runs the engine checks and says why the
# Odoo tests are skipped.

# pip into the virtualenv, old sdists built with setuptools<70, without the lines a
# machine-wide pip configuration prints for every index folder it lacks
ci_pip() {
    local venv=$1
    shift
    PIP_CONSTRAINT="$venv/build-constraints.txt" "$venv/bin/pip" install -q "$@" 2>&1 \
        | grep -v "is ignored: it is neither a file nor a directory"
    return "${PIPESTATUS[0]}"
}

ci_odoo_env() {
    local repo tree req key cache venv py
    repo=$(pwd)
    tree=$(cd "$repo/.." && pwd)/shared/odoo-18
    if [ ! -x "$tree/odoo-bin" ] && [ ! -f "$tree/odoo-bin" ]; then
        echo "=== no Odoo tree at ../shared/odoo-18: the Odoo tests will be skipped"
        return 0
    fi
    py=${CI_PYTHON:-python3}
    req="$tree/requirements.txt"
    key=$(cat "$req" "$repo/requirements-odoo-test.txt" "$repo/.ci/odoo.sh" \
        | { cat; "$py" -c 'import sys; print(sys.version)'; } | sha256sum | cut -c1-16)
    cache=${STOCKOPS_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stockops}
    venv="$cache/odoo18-venv-$key"
    if [ ! -f "$venv/.complete" ]; then
        echo "=== making Odoo's virtualenv ($venv)"
        local started=$SECONDS
        rm -rf "$venv"
        mkdir -p "$cache"
        "$py" -m venv "$venv" || return 1
        # cbor2 (and other old sdists) need setuptools<70 to build; python-ldap is
        # only for auth_ldap, which the suite does not use
        printf 'setuptools<70\n' >"$venv/build-constraints.txt"
        grep -v -i '^python-ldap' "$req" >"$venv/odoo-requirements.txt"
        ci_pip "$venv" "setuptools<70" wheel || return 1
        ci_pip "$venv" -r "$venv/odoo-requirements.txt" \
            -r "$repo/requirements-odoo-test.txt" || return 1
        touch "$venv/.complete"
        echo "Odoo's virtualenv made in $((SECONDS - started)) s"
    else
        echo "=== Odoo's virtualenv reused ($venv)"
    fi
    if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "=== installing Debian's chromium for the tours"
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                chromium >/dev/null) || echo "could not install chromium: tours will fail"
        else
            echo "no chromium and no root to install it: the tours will fail"
        fi
    fi
    export ODOO_SRC="$tree" ODOO_PYTHON="$venv/bin/python"
}
