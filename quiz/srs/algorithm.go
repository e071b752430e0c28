package srs

import "math"

// This file holds the FSRS-6 memory formulas of docs/fsrs.md §2. Every
// roundTo below mirrors one in ts-fsrs: the intermediate rounding is part of
// the result, so removing one "harmless" rounding breaks the vectors.
//
// Explicit float64 conversions around products keep the compiler from fusing
// a*b+c into one FMA instruction (allowed by the Go spec on arm64, ppc64 and
// s390x), which would round differently from JavaScript.

// jsRound rounds half toward +Inf, as JavaScript's Math.round does
// (math.Round rounds half away from zero, which differs for negatives).
func jsRound(x float64) float64 {
	f := math.Floor(x)
	if x-f >= 0.5 {
		f++
	}
	return f
}

// roundTo8 is ts-fsrs roundTo(x, 8).
func roundTo8(x float64) float64 {
	return jsRound(float64(x*1e8)) / 1e8
}

func clamp(x, lo, hi float64) float64 {
	return math.Min(math.Max(x, lo), hi)
}

// model holds the values derived once from Parameters.
type model struct {
	w      [21]float64
	decay  float64 // −w20
	factor float64 // 0.9^(1/decay) − 1, so that R(S, S) = 0.9
	im     float64 // interval modifier for the request retention
	short  bool
}

func newModel(p Parameters) model {
	m := model{w: p.W, decay: -p.W[20], short: p.EnableShortTerm}
	m.factor = roundTo8(math.Pow(0.9, 1/m.decay) - 1)
	m.im = roundTo8((math.Pow(p.RequestRetention, 1/m.decay) - 1) / m.factor)
	return m
}

// forgettingCurve is R(t, S): the probability of recall t days after a review
// that left stability s.
func (m *model) forgettingCurve(t, s float64) float64 {
	return roundTo8(math.Pow(1+float64(m.factor*t)/s, m.decay))
}

// interval turns a stability into whole days for the request retention,
// before fuzz.
func (m *model) interval(s float64, maxIvl int) int {
	ivl := math.Max(1, jsRound(float64(s*m.im)))
	return int(math.Min(ivl, float64(maxIvl)))
}

func (m *model) initStability(g Rating) float64 {
	return math.Max(m.w[g-1], 0.1)
}

// initDifficulty is D0(G), unclamped: mean reversion needs D0(Easy) < 1.
func (m *model) initDifficulty(g Rating) float64 {
	return roundTo8(m.w[4] - math.Exp(float64(float64(g-1)*m.w[5])) + 1)
}

func (m *model) nextDifficulty(d float64, g Rating) float64 {
	delta := -m.w[6] * float64(g-3)
	next := d + roundTo8(float64(delta*(10-d))/9)
	rev := roundTo8(float64(m.w[7]*m.initDifficulty(Easy)) + float64((1-m.w[7])*next))
	return clamp(rev, MinDifficulty, MaxDifficulty)
}

func (m *model) recallStability(d, s, r float64, g Rating) float64 {
	hard, easy := 1.0, 1.0
	if g == Hard {
		hard = m.w[15]
	}
	if g == Easy {
		easy = m.w[16]
	}
	inc := math.Exp(m.w[8]) * (11 - d) * math.Pow(s, -m.w[9]) *
		(math.Exp(float64((1-r)*m.w[10])) - 1) * hard * easy
	return roundTo8(clamp(s*(1+float64(inc)), MinStability, MaxStability))
}

func (m *model) forgetStability(d, s, r float64) float64 {
	v := m.w[11] * math.Pow(d, -m.w[12]) * (math.Pow(s+1, m.w[13]) - 1) *
		math.Exp(float64((1-r)*m.w[14]))
	return roundTo8(clamp(v, MinStability, MaxStability))
}

func (m *model) shortTermStability(s float64, g Rating) float64 {
	sinc := math.Pow(s, -m.w[19]) * math.Exp(float64(m.w[17]*(float64(g-3)+m.w[18])))
	if g >= Hard {
		sinc = math.Max(sinc, 1)
	}
	return roundTo8(clamp(s*sinc, MinStability, MaxStability))
}

// memory is a (difficulty, stability) pair.
type memory struct{ d, s float64 }

// nextMemory is ts-fsrs next_state: the memory after rating g, t calendar
// days after the previous review whose memory was mem; r is R(t, S).
func (m *model) nextMemory(mem memory, t float64, r float64, g Rating) memory {
	if mem.d == 0 && mem.s == 0 {
		return memory{d: clamp(m.initDifficulty(g), MinDifficulty, MaxDifficulty), s: m.initStability(g)}
	}
	var s float64
	switch {
	case t == 0 && m.short:
		s = m.shortTermStability(mem.s, g)
	case g == Again:
		k := 0.0
		if m.short {
			k = m.w[17] * m.w[18]
		}
		lapseCap := roundTo8(mem.s / math.Exp(k))
		s = math.Min(math.Max(lapseCap, MinStability), m.forgetStability(mem.d, mem.s, r))
	default:
		s = m.recallStability(mem.d, mem.s, r, g)
	}
	return memory{d: m.nextDifficulty(mem.d, g), s: s}
}
