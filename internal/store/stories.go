package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Story is a cluster of sources telling the same event.
type Story struct {
	// ID is assigned by the store.
	ID int64
	// Slug names the story in URLs and output files; unique in the store.
	Slug string
	// Title is a human label, usually the first source's title.
	Title string
	// CreatedAt and UpdatedAt track when the story was made and when a
	// source was last assigned to it.
	CreatedAt time.Time
	UpdatedAt time.Time
	// SourceCount is the number of sources assigned, filled by listings.
	SourceCount int
}

// NewStory stores a new, empty story and returns it as stored. The slug must
// not be empty; when it is already taken, "-2", "-3"… is appended so that
// output files named after slugs never overwrite each other.
func (s *Store) NewStory(ctx context.Context, st Story) (Story, error) {
	base := strings.TrimSpace(st.Slug)
	if base == "" {
		return Story{}, fmt.Errorf("new story %q: empty slug", st.Title)
	}
	now := s.now()
	err := s.write(ctx, fmt.Sprintf("new story %q", base), func(tx *sql.Tx) error {
		slug, err := freeSlug(ctx, tx, base)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx,
			`INSERT INTO stories (slug, title, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			slug, st.Title, formatTime(now), formatTime(now))
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("insert id: %w", err)
		}
		st = Story{ID: id, Slug: slug, Title: st.Title}
		return nil
	})
	if err != nil {
		return Story{}, err
	}
	// Re-read so the caller sees exactly what is stored (time precision).
	return s.Story(ctx, st.ID)
}

// freeSlug returns base, or base-N for the smallest N ≥ 2 not yet used.
func freeSlug(ctx context.Context, tx *sql.Tx, base string) (string, error) {
	slug := base
	for n := 2; ; n++ {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE slug = ?`, slug).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return slug, nil
		}
		if err != nil {
			return "", fmt.Errorf("check slug %q: %w", slug, err)
		}
		slug = base + "-" + strconv.Itoa(n)
	}
}

const storyColumns = `st.id, st.slug, st.title, st.created_at, st.updated_at,
	(SELECT COUNT(*) FROM sources so WHERE so.story_id = st.id)`

// Story returns one story with its source count, or an error wrapping
// [ErrNotFound].
func (s *Store) Story(ctx context.Context, id int64) (Story, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories st WHERE st.id = ?`, id)
	st, err := scanStory(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Story{}, fmt.Errorf("story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Story{}, fmt.Errorf("story %d: %w", id, err)
	}
	return st, nil
}

// Stories lists every story in creation order with its source count.
func (s *Store) Stories(ctx context.Context) ([]Story, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories st ORDER BY st.id`)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return out, nil
}

// AssignStory puts a source into a story (moving it if it was in another)
// and marks the story updated. Both must exist; otherwise the error wraps
// [ErrNotFound] and nothing changes.
func (s *Store) AssignStory(ctx context.Context, sourceID, storyID int64) error {
	op := fmt.Sprintf("assign source %d to story %d", sourceID, storyID)
	return s.write(ctx, op, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE sources SET story_id = ? WHERE id = ?`, storyID, sourceID)
		if err != nil {
			// A missing story fails the foreign key; say so in the
			// caller's terms rather than SQLite's.
			var one int
			if qerr := tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, storyID).Scan(&one); errors.Is(qerr, sql.ErrNoRows) {
				return fmt.Errorf("story %d: %w", storyID, ErrNotFound)
			}
			return fmt.Errorf("update source: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("update source: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("source %d: %w", sourceID, ErrNotFound)
		}
		res, err = tx.ExecContext(ctx, `UPDATE stories SET updated_at = ? WHERE id = ?`, s.stamp(), storyID)
		if err != nil {
			return fmt.Errorf("touch story: %w", err)
		}
		if n, err = res.RowsAffected(); err != nil {
			return fmt.Errorf("touch story: %w", err)
		}
		if n == 0 {
			return fmt.Errorf("story %d: %w", storyID, ErrNotFound)
		}
		return nil
	})
}

func scanStory(r scanner) (Story, error) {
	var (
		st               Story
		created, updated sql.NullString
	)
	if err := r.Scan(&st.ID, &st.Slug, &st.Title, &created, &updated, &st.SourceCount); err != nil {
		return Story{}, err
	}
	var err error
	if st.CreatedAt, err = parseTime(created); err != nil {
		return Story{}, err
	}
	if st.UpdatedAt, err = parseTime(updated); err != nil {
		return Story{}, err
	}
	return st, nil
}
