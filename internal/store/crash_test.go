package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// crashEnv names the database a child test process writes to until killed.
const crashEnv = "PLUME_STORE_CRASH_DB"

// TestCrashChildWriter is the child side of TestSIGKILLLeavesNoHalfWrite:
// it is skipped unless started by that test, and then writes forever.
func TestCrashChildWriter(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("child process of TestSIGKILLLeavesNoHalfWrite only")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	// Each child process is a new writer: its pid keeps its rows distinct
	// from those of the children killed before it.
	pid := os.Getpid()
	for i := 0; ; i++ {
		// Three rows that only make sense together: a story, its source
		// and its article. The parent checks they never exist apart.
		err := s.write(ctx, "crash step", func(tx *sql.Tx) error {
			now := s.stamp()
			res, err := tx.ExecContext(ctx,
				`INSERT INTO stories (slug, title, created_at, updated_at) VALUES (?, '', ?, ?)`,
				fmt.Sprint("s-", pid, "-", i), now, now)
			if err != nil {
				return err
			}
			sid, err := res.LastInsertId()
			if err != nil {
				return err
			}
			text := fmt.Sprint("dépêche ", pid, "-", i)
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO sources (content_hash, clean_text, story_id, created_at) VALUES (?, ?, ?, ?)`,
				ContentHash(text), text, sid, now); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx,
				`INSERT INTO articles (story_id, markdown, created_at) VALUES (?, ?, ?)`, sid, text, now)
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
	}
}

// TestSIGKILLLeavesNoHalfWrite kills a writing process at an arbitrary
// moment and checks that the file is intact and holds only whole writes.
func TestSIGKILLLeavesNoHalfWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "plume.db")
	// Migrate first so the child starts writing at once.
	parent, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer parent.Close()

	for round := 0; round < 3; round++ {
		before := countRows(t, parent, "stories")
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChildWriter$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		// Read from this process while the child writes (WAL), and let it
		// get well into its loop before killing it.
		deadline := time.Now().Add(30 * time.Second)
		for countRows(t, parent, "stories") < before+50+round*37 {
			select {
			case err := <-exited:
				t.Fatalf("child writer stopped by itself: %v", err)
			default:
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				<-exited
				t.Fatal("child wrote too little in 30s")
			}
			time.Sleep(5 * time.Millisecond)
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		<-exited // "signal: killed" is the expected outcome
	}

	// A fresh open recovers the WAL as a restart would.
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	stories := countRows(t, s, "stories")
	for _, table := range []string{"sources", "articles"} {
		if n := countRows(t, s, table); n != stories {
			t.Errorf("%d %s for %d stories: a write was split by the kill", n, table, stories)
		}
	}
	var orphans int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories st WHERE
		(SELECT COUNT(*) FROM sources WHERE story_id = st.id) != 1 OR
		(SELECT COUNT(*) FROM articles WHERE story_id = st.id) != 1`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Errorf("%d stories without exactly one source and one article", orphans)
	}
	t.Logf("%d complete writes survived three kills", stories)
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
