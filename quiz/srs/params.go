package srs

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// DefaultWeights are the 21 FSRS-6 parameters of ts-fsrs 5.4.2 (and py-fsrs).
var DefaultWeights = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
}

// Bounds of stability, in days, and of difficulty.
const (
	MinStability  = 0.001
	MaxStability  = 36500.0
	MinDifficulty = 1.0
	MaxDifficulty = 10.0
)

// maxStep bounds a learning step so that due dates never overflow
// time.Duration arithmetic.
const maxStep = 365 * 24 * time.Hour

// Parameters configure the scheduler. Steps are whole minutes.
type Parameters struct {
	W                [21]float64
	RequestRetention float64 // desired probability of recall at the due date
	MaximumInterval  int     // days
	EnableFuzz       bool    // spread intervals of 3 days and more (see Fuzz)
	EnableShortTerm  bool    // same-day learning steps and short-term stability
	LearningSteps    []time.Duration
	RelearningSteps  []time.Duration
}

// DefaultParameters are the ts-fsrs defaults: fuzz off, short-term steps
// 1m 10m and relearning 10m. The vectors test uses them.
func DefaultParameters() Parameters {
	return Parameters{
		W:                DefaultWeights,
		RequestRetention: 0.9,
		MaximumInterval:  36500,
		EnableShortTerm:  true,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
	}
}

// LearnerParameters are the defaults for real learners: DefaultParameters
// with fuzz on, so cards learned together do not stay bunched together.
func LearnerParameters() Parameters {
	p := DefaultParameters()
	p.EnableFuzz = true
	return p
}

// Validate reports parameters the formulas cannot use.
func (p Parameters) Validate() error {
	for i, w := range p.W {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("srs: w[%d] is not a finite number", i)
		}
	}
	for i := 0; i < 4; i++ {
		if p.W[i] <= 0 {
			return fmt.Errorf("srs: initial stability w[%d] must be positive", i)
		}
	}
	if p.W[20] < 0.1 || p.W[20] > 0.8 {
		return errors.New("srs: decay w[20] must be in [0.1, 0.8]")
	}
	if !(p.RequestRetention > 0 && p.RequestRetention < 1) {
		return errors.New("srs: request retention must be between 0 and 1")
	}
	if p.MaximumInterval < 1 || p.MaximumInterval > 36500 {
		return errors.New("srs: maximum interval must be 1..36500 days")
	}
	for _, steps := range [][]time.Duration{p.LearningSteps, p.RelearningSteps} {
		for _, s := range steps {
			if s < 0 || s > maxStep || s%time.Minute != 0 {
				return fmt.Errorf("srs: step %v must be whole minutes up to %v", s, maxStep)
			}
		}
	}
	return nil
}
