package srs

import "math"

// fuzzBand is one piece of the reference's piecewise-linear fuzz width: each
// day of interval between start and end widens the range by factor days.
type fuzzBand struct{ start, end, factor float64 }

var fuzzBands = [3]fuzzBand{
	{2.5, 7, 0.15},
	{7, 20, 0.1},
	{20, math.Inf(1), 0.05},
}

// FuzzRange returns the inclusive range [lo, hi] that fuzz may move an
// interval of ivl days to, for a review elapsed days after the previous one,
// as ts-fsrs get_fuzz_range computes it. Intervals below 2.5 days are never
// fuzzed; callers check that first.
func FuzzRange(ivl, elapsed, maxIvl int) (lo, hi int) {
	x := float64(ivl)
	delta := 1.0
	for _, b := range fuzzBands {
		delta += b.factor * math.Max(math.Min(x, b.end)-b.start, 0)
	}
	x = math.Min(x, float64(maxIvl))
	lo = int(math.Max(2, jsRound(x-delta)))
	hi = int(math.Min(jsRound(x+delta), float64(maxIvl)))
	if x > float64(elapsed) {
		lo = max(lo, elapsed+1)
	}
	lo = min(lo, hi)
	return lo, hi
}

// fuzzInterval moves ivl inside its fuzz range by the draw u in [0, 1).
func fuzzInterval(ivl, elapsed, maxIvl int, u float64) int {
	if float64(ivl) < 2.5 {
		return ivl
	}
	lo, hi := FuzzRange(ivl, elapsed, maxIvl)
	return int(math.Floor(u*float64(hi-lo+1) + float64(lo)))
}

// fuzzDraw returns a number in [0, 1) determined by seed and reps only, so
// the same review of the same card always draws the same fuzz. ts-fsrs seeds
// an Alea generator from the review time instead; matching it bit for bit is
// not a goal (fuzz is off in the reference vectors).
//
// The seed and reps are hashed with 64-bit FNV-1a (inlined to keep the hot
// path free of allocations) and finished with the SplitMix64 mixer, whose
// top 53 bits become the fraction.
func fuzzDraw(seed string, reps int) float64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(seed); i++ {
		h = (h ^ uint64(seed[i])) * prime
	}
	h = (h ^ 0xff) * prime // separator: "a"+reps 12 differs from "a1"+reps 2
	r := uint64(reps)
	for i := 0; i < 8; i++ {
		h = (h ^ (r & 0xff)) * prime
		r >>= 8
	}
	h += 0x9e3779b97f4a7c15
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9
	h = (h ^ (h >> 27)) * 0x94d049bb133111eb
	h ^= h >> 31
	return float64(h>>11) / (1 << 53)
}
