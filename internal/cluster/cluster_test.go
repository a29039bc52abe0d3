package cluster

import (
	"strings"
	"testing"
	"time"
)

func TestSeedsStories(t *testing.T) {
	fs := seedFeatures(t)
	c := newClusterer(t)
	story := map[string]int64{}
	for i, name := range []string{"000", "001", "002", "003", "004"} {
		id := int64(i + 1)
		sid, isNew := c.Add(id, fs[name])
		story[name] = sid
		wantNew := name != "001" && name != "002"
		if isNew != wantNew {
			t.Errorf("seed %s: isNew = %v, want %v (story %d)", name, isNew, wantNew, sid)
		}
	}
	if story["000"] != story["001"] || story["000"] != story["002"] {
		t.Errorf("Hafnium seeds in stories %d, %d, %d; want one", story["000"], story["001"], story["002"])
	}
	if story["003"] == story["000"] || story["004"] == story["000"] || story["003"] == story["004"] {
		t.Errorf("003 and 004 must each be alone: stories %v", story)
	}
	if got := len(c.Stories()); got != 3 {
		t.Errorf("%d stories, want 3: %+v", got, c.Stories())
	}
	// The merge comes from entities and figures, not from copied text.
	for _, pair := range [][2]string{{"000", "001"}, {"000", "002"}, {"001", "002"}} {
		m := c.Compare(fs[pair[0]], fs[pair[1]])
		t.Logf("%v: %+v", pair, m)
		if m.Jaccard >= c.Options().NearDuplicate {
			t.Errorf("%v: Jaccard %.2f, the seeds are not copies", pair, m.Jaccard)
		}
		if m.Reason != SameEvent || m.SharedEntities < c.Options().MinSharedEntities || m.SharedFacts < 1 {
			t.Errorf("%v: %+v, want a same-event match on entities and a figure", pair, m)
		}
	}
	rel, err := c.Related(story["003"], 5)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("related to 003: %+v (story 004 = %d, Hafnium = %d)", rel, story["004"], story["000"])
	var found bool
	for i, r := range rel {
		if r.StoryID == story["003"] {
			t.Errorf("003 related to itself")
		}
		if r.Score <= 0 || r.Score > 1+1e-9 || (i > 0 && r.Score > rel[i-1].Score) {
			t.Errorf("related scores out of order or range: %+v", rel)
		}
		found = found || r.StoryID == story["004"] || r.StoryID == story["000"]
	}
	if !found {
		t.Errorf("003 related = %+v, want 004 or the Hafnium story", rel)
	}
	if _, err := c.Related(999, 3); err == nil {
		t.Error("Related of an unknown story: no error")
	}
}

// TestRelatedRanksNeighbours adds unrelated French pages beside the seeds:
// they must start stories of their own, and the seeds' stories must outrank
// them among 003's relations.
func TestRelatedRanksNeighbours(t *testing.T) {
	fs := seedFeatures(t)
	cfs := pageFeatures(t)
	c := newClusterer(t)
	for i, name := range []string{"000", "001", "002", "003", "004"} {
		c.Add(int64(i+1), fs[name])
	}
	for i := range cfs {
		if _, isNew := c.Add(int64(100+i), cfs[i]); !isNew {
			t.Errorf("page %d merged into a seed story", i)
		}
	}
	s3, _ := c.StoryOf(4)
	s4, _ := c.StoryOf(5)
	sh, _ := c.StoryOf(1)
	rel, err := c.Related(s3, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rel {
		if r.StoryID != s4 && r.StoryID != sh {
			t.Errorf("003's two nearest stories include %d, not a seed story: %+v", r.StoryID, rel)
		}
	}
	if len(rel) != 2 {
		t.Errorf("003 related = %+v, want 004 and Hafnium", rel)
	}
}

func TestCorpusNoFalseMerge(t *testing.T) {
	names, fs := corpusFeatures(t)
	if len(fs) < 20 {
		t.Fatalf("corpus: %d pages", len(fs))
	}
	c := newClusterer(t)
	for i, f := range fs {
		if _, isNew := c.Add(int64(i+1), f); !isNew {
			sid, _ := c.StoryOf(int64(i + 1))
			t.Errorf("%s merged into the story of %s", names[i], names[sid-1])
		}
	}
	if got := len(c.Stories()); got != len(fs) {
		t.Errorf("%d stories for %d different pages", got, len(fs))
	}
	// The margin: the strongest evidence between two different pages.
	var worst Match
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			m := c.Compare(fs[i], fs[j])
			if m.Reason != NoMatch {
				t.Errorf("%s and %s match: %+v", names[i], names[j], m)
			}
			worst.Jaccard = max(worst.Jaccard, m.Jaccard)
			worst.SharedEntities = max(worst.SharedEntities, m.SharedEntities)
			worst.SharedFacts = max(worst.SharedFacts, m.SharedFacts)
			worst.TermOverlap = max(worst.TermOverlap, m.TermOverlap)
		}
	}
	t.Logf("largest evidence between different pages: %+v", worst)
	// And every page must still find itself: a copy joins its story.
	for i, f := range fs {
		sid, isNew := c.Add(int64(1000+i), f)
		if isNew || sid != int64(i+1) {
			t.Errorf("copy of %s: story %d new=%v, want %d", names[i], sid, isNew, i+1)
		}
	}
}

func TestCompare(t *testing.T) {
	c := newClusterer(t)
	day := time.Date(2024, 4, 2, 0, 0, 0, 0, time.UTC)
	sig := func(words string) []uint64 { return signature(splitWords(words)) }
	names := func(ks ...string) ([]Name, []string) {
		var ns []Name
		for _, k := range ks {
			ns = append(ns, Name{Key: k, Keys: []string{k}})
		}
		return ns, ks
	}
	ents, keys := names("cisa", "microsoft", "midnight blizzard")
	base := Features{Signature: sig("la cisa ordonne aux agences fédérales de vérifier leurs courriels après le piratage"),
		Entities: ents, EntityKeys: keys, Figures: []string{"count:30000"}, Published: day}
	tests := []struct {
		name string
		edit func(f Features) Features
		want Reason
	}{
		{"copy", func(f Features) Features { f.Entities, f.EntityKeys = nil, nil; return f }, NearDuplicate},
		{"same event", func(f Features) Features {
			f.Signature = sig("un tout autre texte sur le même sujet écrit autrement")
			return f
		}, SameEvent},
		{"too few entities", func(f Features) Features {
			f.Signature = sig("un tout autre texte sur le même sujet écrit autrement")
			f.Entities, f.EntityKeys = names("cisa", "microsoft")
			return f
		}, NoMatch},
		{"no shared fact", func(f Features) Features {
			f.Signature = sig("un tout autre texte sur le même sujet écrit autrement")
			f.Figures = []string{"count:20000"}
			return f
		}, NoMatch},
		{"out of window", func(f Features) Features {
			f.Signature = sig("un tout autre texte sur le même sujet écrit autrement")
			f.Published = day.AddDate(0, 0, 30)
			return f
		}, NoMatch},
		{"date unknown", func(f Features) Features {
			f.Signature = sig("un tout autre texte sur le même sujet écrit autrement")
			f.Published = time.Time{}
			return f
		}, SameEvent},
		{"empty", func(Features) Features { return Features{} }, NoMatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Compare(base, tt.edit(base)); got.Reason != tt.want {
				t.Errorf("Compare = %+v, want %q", got, tt.want)
			}
		})
	}
}

func TestAddTwiceAndStories(t *testing.T) {
	fs := seedFeatures(t)
	c := newClusterer(t)
	s1, _ := c.Add(7, fs["003"])
	s2, isNew := c.Add(7, fs["004"])
	if s1 != 7 || s2 != 7 || isNew || c.Len() != 1 {
		t.Errorf("re-adding id 7: story %d→%d new=%v len=%d", s1, s2, isNew, c.Len())
	}
	st := c.Stories()
	st[0].Sources[0] = 99
	if c.Stories()[0].Sources[0] != 7 {
		t.Error("Stories does not return a copy")
	}
	if _, ok := c.StoryOf(8); ok {
		t.Error("StoryOf an unknown source: ok")
	}
}

func TestOptions(t *testing.T) {
	d := Options{}.WithDefaults()
	if err := d.Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	if d.Window != 7*24*time.Hour || d.Bands != DefaultBands {
		t.Errorf("defaults = %+v", d)
	}
	tests := []struct {
		field string
		edit  func(*Options)
	}{
		{"Bands", func(o *Options) { o.Bands = 3 }},
		{"NearDuplicate", func(o *Options) { o.NearDuplicate = 1.5 }},
		{"MinSharedEntities", func(o *Options) { o.MinSharedEntities = -1 }},
		{"MinSharedFacts", func(o *Options) { o.MinSharedFacts = -2 }},
		{"MinTermOverlap", func(o *Options) { o.MinTermOverlap = -0.1 }},
		{"Window", func(o *Options) { o.Window = -time.Hour }},
		{"MaxPostings", func(o *Options) { o.MaxPostings = -1 }},
		{"MaxCandidates", func(o *Options) { o.MaxCandidates = -1 }},
	}
	for _, tt := range tests {
		o := d
		tt.edit(&o)
		err := o.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("%s: Validate = %v, want an error naming it", tt.field, err)
		}
		if _, err := New(o); err == nil {
			t.Errorf("%s: New accepted invalid options", tt.field)
		}
	}
}
