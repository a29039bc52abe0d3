package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// benchRows is the store size the benchmarks run against: a few weeks of a
// news site's dispatches.
const benchRows = 10_000

// seed fills s with stories stories of perStory sources each, in one
// transaction (row-at-a-time PutSource would dominate the setup time).
func seed(tb testing.TB, s *Store, stories, perStory int) {
	tb.Helper()
	ctx := context.Background()
	body := strings.Repeat("Le conseil municipal a voté le budget. ", 40)
	err := s.write(ctx, "seed", func(tx *sql.Tx) error {
		now := s.stamp()
		for i := 0; i < stories; i++ {
			res, err := tx.ExecContext(ctx,
				`INSERT INTO stories (slug, title, created_at, updated_at) VALUES (?, ?, ?, ?)`,
				fmt.Sprint("story-", i), fmt.Sprint("Story ", i), now, now)
			if err != nil {
				return err
			}
			sid, err := res.LastInsertId()
			if err != nil {
				return err
			}
			for j := 0; j < perStory; j++ {
				text := fmt.Sprintf("%s %d/%d", body, i, j)
				if _, err := tx.ExecContext(ctx, `INSERT INTO sources
					(content_hash, url, name, clean_text, story_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
					ContentHash(text), fmt.Sprintf("https://example.fr/%d/%d", i, j),
					fmt.Sprint(i, "-", j), text, sid, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkPutSource measures storing a new source into a store that already
// holds benchRows sources (lookup by hash and URL, insert, commit).
func BenchmarkPutSource(b *testing.B) {
	s, _ := setup(b)
	seed(b, s, benchRows, 1)
	ctx := context.Background()
	body := strings.Repeat("Une dépêche de l'AFP sur la grève. ", 40)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, created, err := s.PutSource(ctx, Source{
			CleanText: fmt.Sprint(body, i), URL: fmt.Sprint("https://example.org/", i)})
		if err != nil || !created {
			b.Fatalf("PutSource: created=%v err=%v", created, err)
		}
	}
}

// BenchmarkPutSourceDuplicate measures the common re-ingest case: the source
// is already stored and nothing is written.
func BenchmarkPutSourceDuplicate(b *testing.B) {
	s, _ := setup(b)
	seed(b, s, benchRows, 1)
	ctx := context.Background()
	src := Source{CleanText: "déjà vue"}
	if _, _, err := s.PutSource(ctx, src); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, created, err := s.PutSource(ctx, src); err != nil || created {
			b.Fatalf("PutSource: created=%v err=%v", created, err)
		}
	}
}

// BenchmarkStories lists benchRows stories with their source counts over
// twice as many sources.
func BenchmarkStories(b *testing.B) {
	s, _ := setup(b)
	seed(b, s, benchRows, 2)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		list, err := s.Stories(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(list) != benchRows || list[0].SourceCount != 2 {
			b.Fatalf("%d stories, first has %d sources", len(list), list[0].SourceCount)
		}
	}
}
