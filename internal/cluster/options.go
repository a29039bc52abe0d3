package cluster

import (
	"fmt"
	"time"
)

// Options tune a Clusterer. A zero field takes its default ([Options.WithDefaults]).
type Options struct {
	// Bands is the number of LSH bands the MinHash signature is cut into;
	// it must divide NumHashes. With b bands of r = NumHashes/b rows, two
	// sources of Jaccard similarity s become candidates with probability
	// 1-(1-s^r)^b; the default 32 bands of 4 rows gives the curve's
	// threshold (1/b)^(1/r) ≈ 0.42, so copies at 0.5 are found with
	// probability ≈ 0.87 and at 0.6 ≈ 0.98. Default 32.
	Bands int
	// NearDuplicate is the estimated Jaccard similarity of shingles at or
	// above which two sources are copies of one text. Default 0.5.
	NearDuplicate float64
	// MinSharedEntities is the number of salient entities two sources must
	// share to be the same event when they are not copies. Default 3.
	MinSharedEntities int
	// MinSharedFacts is the number of figures or calendar dates that, with
	// the shared entities, make two sources the same event. Default 1.
	MinSharedFacts int
	// MinTermOverlap is the overlap coefficient of content words
	// (|A∩B| / min(|A|,|B|)) that, with the shared entities, makes two
	// sources the same event when they share no figure or date. It must be
	// high: two stories of one beat share a third of their words. Default 0.5.
	MinTermOverlap float64
	// Window is the largest gap between publication dates of two sources of
	// one event, when both dates are known. Default 7 days.
	Window time.Duration
	// MaxPostings caps the sources indexed under one entity name or one LSH
	// bucket. A name found in more sources is common, not rare: it stops
	// producing candidates, which keeps the cost of Add bounded. Default 64.
	MaxPostings int
	// MaxCandidates caps the candidates compared with one new source, the
	// most recent first. Default 256.
	MaxCandidates int
}

// Defaults.
const (
	DefaultBands             = 32
	DefaultNearDuplicate     = 0.5
	DefaultMinSharedEntities = 3
	DefaultMinSharedFacts    = 1
	DefaultMinTermOverlap    = 0.5
	DefaultWindow            = 7 * 24 * time.Hour
	DefaultMaxPostings       = 64
	DefaultMaxCandidates     = 256
)

// WithDefaults returns o with every zero field set to its default.
func (o Options) WithDefaults() Options {
	if o.Bands == 0 {
		o.Bands = DefaultBands
	}
	if o.NearDuplicate == 0 {
		o.NearDuplicate = DefaultNearDuplicate
	}
	if o.MinSharedEntities == 0 {
		o.MinSharedEntities = DefaultMinSharedEntities
	}
	if o.MinSharedFacts == 0 {
		o.MinSharedFacts = DefaultMinSharedFacts
	}
	if o.MinTermOverlap == 0 {
		o.MinTermOverlap = DefaultMinTermOverlap
	}
	if o.Window == 0 {
		o.Window = DefaultWindow
	}
	if o.MaxPostings == 0 {
		o.MaxPostings = DefaultMaxPostings
	}
	if o.MaxCandidates == 0 {
		o.MaxCandidates = DefaultMaxCandidates
	}
	return o
}

// Validate reports the first field out of range, by name.
func (o Options) Validate() error {
	switch {
	case o.Bands <= 0 || o.Bands > NumHashes || NumHashes%o.Bands != 0:
		return fmt.Errorf("cluster options: Bands %d must divide %d", o.Bands, NumHashes)
	case o.NearDuplicate <= 0 || o.NearDuplicate > 1:
		return fmt.Errorf("cluster options: NearDuplicate %g must be in (0, 1]", o.NearDuplicate)
	case o.MinSharedEntities < 1:
		return fmt.Errorf("cluster options: MinSharedEntities %d must be at least 1", o.MinSharedEntities)
	case o.MinSharedFacts < 1:
		return fmt.Errorf("cluster options: MinSharedFacts %d must be at least 1", o.MinSharedFacts)
	case o.MinTermOverlap <= 0 || o.MinTermOverlap > 1:
		return fmt.Errorf("cluster options: MinTermOverlap %g must be in (0, 1]", o.MinTermOverlap)
	case o.Window < 0:
		return fmt.Errorf("cluster options: Window %s must not be negative", o.Window)
	case o.MaxPostings < 1:
		return fmt.Errorf("cluster options: MaxPostings %d must be at least 1", o.MaxPostings)
	case o.MaxCandidates < 1:
		return fmt.Errorf("cluster options: MaxCandidates %d must be at least 1", o.MaxCandidates)
	}
	return nil
}
