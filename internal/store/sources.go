package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Source is one input text as plume read and cleaned it.
type Source struct {
	// ID is assigned by the store; it is ignored by PutSource.
	ID int64
	// ContentHash is the hex SHA-256 of CleanText, computed by PutSource;
	// a value given by the caller is ignored so the key cannot drift.
	ContentHash string
	// URL is where the source was fetched from; "" for files.
	URL string
	// Name is the input's file name or label, used to name outputs.
	Name string
	// Title, Site, Date and Language are the metadata found by cleaning;
	// a zero Date means unknown.
	Title    string
	Site     string
	Date     time.Time
	Language string
	// CleanText is the article text; it must not be empty.
	CleanText string
	// CleanJSON and FactsJSON are the clean and facts stages' outputs,
	// kept verbatim; nil when absent.
	CleanJSON json.RawMessage
	FactsJSON json.RawMessage
	// StoryID is the story the source belongs to, 0 while unclustered. It
	// is ignored by PutSource: use AssignStory.
	StoryID int64
	// CreatedAt is when the store first saw the source.
	CreatedAt time.Time
}

// SourceFilter narrows [Store.Sources]. The zero value lists every source.
type SourceFilter struct {
	// StoryID keeps the sources of one story when non-zero.
	StoryID int64
	// Unassigned keeps the sources not yet in any story.
	Unassigned bool
	// URL keeps the source fetched from this URL when non-empty.
	URL string
	// AfterID keeps sources with a larger id, for paging.
	AfterID int64
	// Limit caps the number returned when positive.
	Limit int
}

// ContentHash is the deduplication key of a clean text: its hex SHA-256.
func ContentHash(cleanText string) string {
	sum := sha256.Sum256([]byte(cleanText))
	return hex.EncodeToString(sum[:])
}

// PutSource stores src unless a source with the same clean text or the same
// URL is already stored, in which case it returns that source's id with
// created false and changes nothing.
func (s *Store) PutSource(ctx context.Context, src Source) (id int64, created bool, err error) {
	if strings.TrimSpace(src.CleanText) == "" {
		return 0, false, fmt.Errorf("put source %q: empty clean text", src.Name)
	}
	if err := checkJSON("clean_json", src.CleanJSON); err != nil {
		return 0, false, fmt.Errorf("put source %q: %w", src.Name, err)
	}
	if err := checkJSON("facts_json", src.FactsJSON); err != nil {
		return 0, false, fmt.Errorf("put source %q: %w", src.Name, err)
	}
	hash := ContentHash(src.CleanText)
	err = s.write(ctx, fmt.Sprintf("put source %q", src.Name), func(tx *sql.Tx) error {
		// The lookup and the insert share the write lock, so no other
		// writer can slip the same source in between them.
		err := tx.QueryRowContext(ctx,
			`SELECT id FROM sources WHERE content_hash = ? OR (? <> '' AND url = ?) ORDER BY id LIMIT 1`,
			hash, src.URL, src.URL).Scan(&id)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("look up duplicate: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sources
			(content_hash, url, name, title, site, date, language, clean_text, clean_json, facts_json, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			hash, nullString(src.URL), src.Name, src.Title, src.Site, nullTime(src.Date),
			src.Language, src.CleanText, nullJSON(src.CleanJSON), nullJSON(src.FactsJSON), s.stamp())
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert id: %w", err)
		}
		created = true
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	return id, created, nil
}

const sourceColumns = `id, content_hash, url, name, title, site, date, language,
	clean_text, clean_json, facts_json, story_id, created_at`

// Source returns the source with this id, or an error wrapping [ErrNotFound].
func (s *Store) Source(ctx context.Context, id int64) (Source, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id)
	src, err := scanSource(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, fmt.Errorf("source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Source{}, fmt.Errorf("source %d: %w", id, err)
	}
	return src, nil
}

// Sources lists the sources matching f in id order (the order they arrived).
func (s *Store) Sources(ctx context.Context, f SourceFilter) ([]Source, error) {
	var (
		where []string
		args  []any
	)
	if f.StoryID != 0 {
		where, args = append(where, "story_id = ?"), append(args, f.StoryID)
	}
	if f.Unassigned {
		where = append(where, "story_id IS NULL")
	}
	if f.URL != "" {
		where, args = append(where, "url = ?"), append(args, f.URL)
	}
	if f.AfterID != 0 {
		where, args = append(where, "id > ?"), append(args, f.AfterID)
	}
	q := `SELECT ` + sourceColumns + ` FROM sources`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id"
	if f.Limit > 0 {
		q, args = q+" LIMIT ?", append(args, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("list sources: %w", err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sources: %w", err)
	}
	return out, nil
}

// StorySources lists the sources of one story in arrival order, or an error
// wrapping [ErrNotFound] when the story does not exist.
func (s *Store) StorySources(ctx context.Context, storyID int64) ([]Source, error) {
	if _, err := s.Story(ctx, storyID); err != nil {
		return nil, fmt.Errorf("story sources: %w", err)
	}
	return s.Sources(ctx, SourceFilter{StoryID: storyID})
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

func scanSource(r scanner) (Source, error) {
	var (
		src                  Source
		url, date, created   sql.NullString
		cleanJSON, factsJSON sql.NullString
		story                sql.NullInt64
	)
	if err := r.Scan(&src.ID, &src.ContentHash, &url, &src.Name, &src.Title, &src.Site, &date,
		&src.Language, &src.CleanText, &cleanJSON, &factsJSON, &story, &created); err != nil {
		return Source{}, err
	}
	src.URL = url.String
	src.StoryID = story.Int64
	src.CleanJSON, src.FactsJSON = rawJSON(cleanJSON), rawJSON(factsJSON)
	var err error
	if src.Date, err = parseTime(date); err != nil {
		return Source{}, err
	}
	if src.CreatedAt, err = parseTime(created); err != nil {
		return Source{}, err
	}
	return src, nil
}

// checkJSON refuses a non-empty value that is not JSON, so a bad caller is
// caught at write time rather than when the column is read back.
func checkJSON(column string, b []byte) error {
	if len(b) != 0 && !json.Valid(b) {
		return fmt.Errorf("%s is not valid JSON", column)
	}
	return nil
}
