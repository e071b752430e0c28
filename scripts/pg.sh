# shellcheck shell=bash
# Sourced by scripts/test and scripts/bench: start_pg starts a throwaway
# PostgreSQL cluster in a temporary directory, on loopback only, exports
# FACTDECK_TEST_PG with its URL, and stops and removes it when the script
# exits. PostgreSQL refuses to run as root, so as root it runs as the
# postgres user that Debian's postgresql package creates.
#   start_pg fast     fsync off: for tests, the cluster holds nothing worth keeping
#   start_pg durable  PostgreSQL's defaults (fsync, synchronous_commit on): for
#                     measurements beside SQLite's synchronous=FULL
start_pg() {
	local port opts="-c listen_addresses=127.0.0.1 -c max_connections=400"
	[ "${1:-fast}" = durable ] || opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	pg_bin=${pg_bin:-$(dirname "$(command -v initdb)")}
	pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/factdeck-pg.XXXXXX")
	as_pg=()
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$pg_dir"
		as_pg=(runuser -u postgres --)
	fi
	trap stop_pg EXIT
	"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
	for _ in $(seq 20); do # a free port: connecting to it fails
		port=$((40000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
	done
	"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -s \
		-o "$opts -p $port -k $pg_dir" start
	export FACTDECK_TEST_PG="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
	echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') ($1) on 127.0.0.1:$port"
}

stop_pg() {
	"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w -s stop || true
	rm -rf "$pg_dir"
}
