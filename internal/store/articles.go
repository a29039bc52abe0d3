package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Article is one written output for a story, with its scores and checks.
type Article struct {
	// ID is assigned by the store; it is ignored by PutArticle.
	ID int64
	// StoryID is the story written about; it must exist.
	StoryID int64
	// RunID is the run that wrote the article, 0 when none; it must exist
	// when set.
	RunID int64
	// Format is the output format asked for (markdown, html, json…).
	Format string
	// Markdown, HTML and JSON are the rendered forms, each possibly empty.
	Markdown string
	HTML     string
	JSON     json.RawMessage
	// WordCount, SEOScore and ReadabilityScore summarise the checks.
	WordCount        int
	SEOScore         float64
	ReadabilityScore float64
	// Checks is the check stage's report, kept verbatim; nil when absent.
	Checks json.RawMessage
	// Warnings are the human-readable warnings raised while writing.
	Warnings []string
	// CreatedAt is when the article was stored.
	CreatedAt time.Time
}

// PutArticle stores a new article and returns its id. A missing story or
// run is an error wrapping [ErrNotFound], and nothing is written.
func (s *Store) PutArticle(ctx context.Context, a Article) (int64, error) {
	op := fmt.Sprintf("put article for story %d", a.StoryID)
	if err := checkJSON("json", a.JSON); err != nil {
		return 0, fmt.Errorf("%s: %w", op, err)
	}
	if err := checkJSON("checks_json", a.Checks); err != nil {
		return 0, fmt.Errorf("%s: %w", op, err)
	}
	warnings := a.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	wj, err := json.Marshal(warnings)
	if err != nil {
		return 0, fmt.Errorf("%s: encode warnings: %w", op, err)
	}
	var id int64
	err = s.write(ctx, op, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, "stories", a.StoryID); err != nil {
			return err
		}
		if a.RunID != 0 {
			if err := exists(ctx, tx, "runs", a.RunID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles
			(story_id, run_id, format, markdown, html, json, word_count, seo_score,
			 readability_score, checks_json, warnings_json, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.StoryID, nullID(a.RunID), a.Format, a.Markdown, a.HTML, nullJSON(a.JSON),
			a.WordCount, a.SEOScore, a.ReadabilityScore, nullJSON(a.Checks), string(wj), s.stamp())
		if err != nil {
			return fmt.Errorf("insert: %w", err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert id: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// exists reports ErrNotFound when table has no row with this id. table is
// always a constant from this package, never user input.
func exists(ctx context.Context, tx *sql.Tx, table string, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", table[:len(table)-1], id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("look up %s %d: %w", table, id, err)
	}
	return nil
}

const articleColumns = `id, story_id, run_id, format, markdown, html, json, word_count,
	seo_score, readability_score, checks_json, warnings_json, created_at`

// Article returns one article, or an error wrapping [ErrNotFound].
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article %d: %w", id, err)
	}
	return a, nil
}

// Articles lists a story's articles, oldest first; the last one is the most
// recent run's output.
func (s *Store) Articles(ctx context.Context, storyID int64) ([]Article, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+articleColumns+` FROM articles WHERE story_id = ? ORDER BY id`, storyID)
	if err != nil {
		return nil, fmt.Errorf("list articles of story %d: %w", storyID, err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list articles of story %d: %w", storyID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles of story %d: %w", storyID, err)
	}
	return out, nil
}

// RecentArticles lists the store's most recent articles, newest first, at
// most limit of them (all when limit ≤ 0): a history of what was written.
func (s *Store) RecentArticles(ctx context.Context, limit int) ([]Article, error) {
	q := `SELECT ` + articleColumns + ` FROM articles ORDER BY id DESC`
	args := []any{}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list recent articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("list recent articles: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list recent articles: %w", err)
	}
	return out, nil
}

func scanArticle(r scanner) (Article, error) {
	var (
		a                 Article
		run               sql.NullInt64
		js, checks        sql.NullString
		warnings, created sql.NullString
	)
	if err := r.Scan(&a.ID, &a.StoryID, &run, &a.Format, &a.Markdown, &a.HTML, &js, &a.WordCount,
		&a.SEOScore, &a.ReadabilityScore, &checks, &warnings, &created); err != nil {
		return Article{}, err
	}
	a.RunID = run.Int64
	a.JSON, a.Checks = rawJSON(js), rawJSON(checks)
	if warnings.Valid && warnings.String != "" {
		if err := json.Unmarshal([]byte(warnings.String), &a.Warnings); err != nil {
			return Article{}, fmt.Errorf("decode warnings: %w", err)
		}
	}
	var err error
	if a.CreatedAt, err = parseTime(created); err != nil {
		return Article{}, err
	}
	return a, nil
}
