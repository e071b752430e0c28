package store

import (
	"testing"

	"github.com/factdeck/factdeck/store/storetest"
)

// TestMain runs the tests on SQLite and, when FACTDECK_TEST_PG is set,
// again on PostgreSQL (store/storetest).
func TestMain(m *testing.M) { storetest.Main(m) }
