package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// RunStatus is the state of a run.
type RunStatus string

// The states a run goes through: running until FinishRun marks it done or
// failed. A run left "running" after its process died is how a later run
// knows the earlier one was interrupted.
const (
	RunRunning RunStatus = "running"
	RunDone    RunStatus = "done"
	RunFailed  RunStatus = "failed"
)

// ErrRunFinished is wrapped by the error FinishRun returns for a run that
// was already finished, so a double finish is never silently overwritten.
var ErrRunFinished = errors.New("run already finished")

// Run is one invocation of a plume command that writes to the store.
type Run struct {
	ID         int64
	Kind       string // the command, e.g. "batch" or "ingest"
	Args       []string
	Status     RunStatus
	StartedAt  time.Time
	FinishedAt time.Time // zero while running
	Error      string    // why a failed run failed
}

// StartRun records the start of a run and returns its id.
func (s *Store) StartRun(ctx context.Context, kind string, args []string) (int64, error) {
	if kind == "" {
		return 0, errors.New("start run: empty kind")
	}
	if args == nil {
		args = []string{}
	}
	aj, err := json.Marshal(args)
	if err != nil {
		return 0, fmt.Errorf("start run %s: encode args: %w", kind, err)
	}
	var id int64
	err = s.write(ctx, "start run "+kind, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO runs (kind, args_json, status, started_at) VALUES (?, ?, ?, ?)`,
			kind, string(aj), string(RunRunning), s.stamp())
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

// FinishRun marks a running run done or failed; runErr, when non-nil, is
// recorded as the reason. status must be RunDone or RunFailed. A missing run
// wraps [ErrNotFound]; a finished one wraps [ErrRunFinished].
func (s *Store) FinishRun(ctx context.Context, id int64, status RunStatus, runErr error) error {
	op := fmt.Sprintf("finish run %d", id)
	if status != RunDone && status != RunFailed {
		return fmt.Errorf("%s: status %q is not %q or %q", op, status, RunDone, RunFailed)
	}
	msg := ""
	if runErr != nil {
		msg = runErr.Error()
	}
	return s.write(ctx, op, func(tx *sql.Tx) error {
		var cur string
		err := tx.QueryRowContext(ctx, `SELECT status FROM runs WHERE id = ?`, id).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("run %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("read status: %w", err)
		}
		if RunStatus(cur) != RunRunning {
			return fmt.Errorf("status %s: %w", cur, ErrRunFinished)
		}
		if _, err := tx.ExecContext(ctx,
			`UPDATE runs SET status = ?, finished_at = ?, error = ? WHERE id = ?`,
			string(status), s.stamp(), msg, id); err != nil {
			return fmt.Errorf("update: %w", err)
		}
		return nil
	})
}

// Run returns one run, or an error wrapping [ErrNotFound].
func (s *Store) Run(ctx context.Context, id int64) (Run, error) {
	var (
		r                 Run
		args, status      string
		started, finished sql.NullString
	)
	err := s.db.QueryRowContext(ctx,
		`SELECT id, kind, args_json, status, started_at, finished_at, error FROM runs WHERE id = ?`, id).
		Scan(&r.ID, &r.Kind, &args, &status, &started, &finished, &r.Error)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, fmt.Errorf("run %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Run{}, fmt.Errorf("run %d: %w", id, err)
	}
	r.Status = RunStatus(status)
	if err := json.Unmarshal([]byte(args), &r.Args); err != nil {
		return Run{}, fmt.Errorf("run %d: decode args: %w", id, err)
	}
	if r.StartedAt, err = parseTime(started); err != nil {
		return Run{}, fmt.Errorf("run %d: %w", id, err)
	}
	if r.FinishedAt, err = parseTime(finished); err != nil {
		return Run{}, fmt.Errorf("run %d: %w", id, err)
	}
	return r, nil
}
