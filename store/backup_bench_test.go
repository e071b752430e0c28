package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBackup times `factdeck backup` (VACUUM INTO) of the
// 1,000,000-card-state fixture of BenchmarkDueCards and reports the
// database's size and the copy's speed (docs/deploy.md).
func BenchmarkBackup(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.db")
	buildBenchDB(b, path)
	db, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var size int64
	b.ResetTimer()
	for i := range b.N {
		dest := filepath.Join(dir, fmt.Sprintf("copy%d.db", i))
		if err := db.Backup(ctx, dest); err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(dest)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		os.Remove(dest)
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
	b.ReportMetric(float64(size)/(1<<20)/(b.Elapsed().Seconds()/float64(b.N)), "MB/s")
}
