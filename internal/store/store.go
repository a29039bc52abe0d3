package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// ErrNotFound is wrapped by every error reporting a missing source, story,
// article or run, so callers branch with errors.Is.
var ErrNotFound = errors.New("not found")

// ErrSchemaTooNew is wrapped by the error [Open] returns when the file was
// migrated by a newer plume: reading it with an older schema could lose or
// misread data, so the store refuses it.
var ErrSchemaTooNew = errors.New("database schema is newer than this plume")

// Migrations live beside the code as plain SQL written for this project;
// their number is their version and they are applied in that order.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a writer waits for another process's write lock
// before giving up with SQLITE_BUSY. Batch writes are short, so five seconds
// only expires when something is truly stuck.
const busyTimeout = 5 * time.Second

// Store is an open plume database. It is safe for concurrent use by many
// goroutines; other processes may open the same file at the same time.
type Store struct {
	db *sql.DB
	// writeMu serialises this process's writers: SQLite has one write lock
	// per file anyway, and waiting on a mutex is cheaper and fairer than
	// spinning on SQLITE_BUSY. Other processes are handled by BEGIN
	// IMMEDIATE and the busy timeout.
	writeMu sync.Mutex
	// now is the clock, replaced in tests.
	now func() time.Time
}

// migration is one embedded schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// Open opens the SQLite database at path, creating it when missing, and
// brings its schema up to date. Re-opening an up-to-date file changes
// nothing. A file migrated by a newer plume is refused with an error wrapping
// [ErrSchemaTooNew].
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: empty path")
	}
	migs, err := loadMigrations(migrationFS)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, now: time.Now}
	if err := s.migrate(ctx, migs); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// dsn builds the driver's connection string. The "file:" URI form is used so
// that SQLite itself parses the name; the few characters that are special in
// a URI are percent-encoded so any file name works. _txlock=immediate makes
// every transaction take the write lock at BEGIN, which avoids the deadlock
// of two readers both upgrading to writers (SQLITE_BUSY with no retry).
func dsn(path string) string {
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + esc +
		"?_pragma=busy_timeout(" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + ")" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_txlock=immediate"
}

// Close releases the database. The Store must not be used afterwards.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// loadMigrations reads and orders the embedded migrations and checks they
// are numbered 1, 2, 3… without gaps, so a missing file is caught at once.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var migs []migration
	for _, name := range names {
		base := path.Base(name)
		num, rest, ok := strings.Cut(strings.TrimSuffix(base, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || rest == "" {
			return nil, fmt.Errorf("migration %s: name is not NNN_name.sql", base)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", base, err)
		}
		migs = append(migs, migration{version: v, name: rest, sql: string(body)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	for i, m := range migs {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %03d_%s: expected version %d", m.version, m.name, i+1)
		}
	}
	return migs, nil
}

// migrate applies the migrations the file lacks. Everything happens in one
// immediate transaction, so two processes opening a new file at once cannot
// both apply a step, and a crash mid-way leaves the previous version intact.
func (s *Store) migrate(ctx context.Context, migs []migration) error {
	return s.write(ctx, "migrate", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var current int
		if err := tx.QueryRowContext(ctx,
			`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		latest := len(migs)
		if current > latest {
			return fmt.Errorf("%w: file is at version %d, this plume knows up to %d",
				ErrSchemaTooNew, current, latest)
		}
		for _, m := range migs[current:] {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("apply migration %03d_%s: %w", m.version, m.name, err)
			}
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, s.stamp()); err != nil {
				return fmt.Errorf("record migration %03d_%s: %w", m.version, m.name, err)
			}
		}
		return nil
	})
}

// SchemaVersion reports the highest migration applied to the file.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx,
		`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// write runs fn in one immediate transaction and commits only if fn and the
// commit succeed; on any error everything fn did is rolled back. op names the
// operation in the returned error.
func (s *Store) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) (err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", op, err)
	}
	defer func() {
		if err != nil {
			// The rollback error is secondary: the transaction is abandoned
			// either way and SQLite discards it when the connection is reused.
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", op, err)
	}
	return nil
}

// stamp is the current time in the stored form.
func (s *Store) stamp() string { return formatTime(s.now()) }

// timeLayout sorts as text and keeps nanoseconds so that creation order is
// visible even for rows written in the same second.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime stores the zero time as NULL, meaning "unknown".
func nullTime(t time.Time) sql.NullString {
	if t.IsZero() {
		return sql.NullString{}
	}
	return sql.NullString{String: formatTime(t), Valid: true}
}

func parseTime(v sql.NullString) (time.Time, error) {
	if !v.Valid || v.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse stored time %q: %w", v.String, err)
	}
	return t, nil
}

// nullString stores "" as NULL, for columns where NULL means absent (a
// source without URL must not collide with another under UNIQUE).
func nullString(v string) sql.NullString {
	return sql.NullString{String: v, Valid: v != ""}
}

// nullID stores 0 as NULL, for optional references.
func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}

// nullJSON stores an empty raw message as NULL.
func nullJSON(b []byte) sql.NullString {
	return sql.NullString{String: string(b), Valid: len(b) != 0}
}

// rawJSON returns a stored JSON column as given, nil when NULL.
func rawJSON(v sql.NullString) []byte {
	if !v.Valid {
		return nil
	}
	return []byte(v.String)
}
