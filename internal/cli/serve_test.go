package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plume-seo/plume/internal/llm/llmtest"
	"github.com/plume-seo/plume/internal/store"
	"github.com/plume-seo/plume/internal/write/writertest"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine's writes and
// the test's reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRe = regexp.MustCompile(`serving the editor on http://([0-9.:\[\]]+)/`)

// waitAddr waits for the serving line and returns the address in it.
func waitAddr(t *testing.T, read func() string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRe.FindStringSubmatch(read()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no serving line in %q", read())
	return ""
}

func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := filepath.Join(t.TempDir(), "plume.db")
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--token", "t0k"}, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	}()
	base := "http://" + waitAddr(t, errb.String)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Status string `json:"status"`
		Auth   bool   `json:"auth"`
		Store  bool   `json:"store"`
	}
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if h.Status != "ok" || !h.Auth || !h.Store {
		t.Errorf("healthz = %+v", h)
	}
	resp, err = http.Get(base + "/api/v1/stories")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("stories without the token: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("exit %d after shutdown: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), "msg=request method=GET path=/healthz status=200") {
		t.Errorf("no access log line in %q", errb.String())
	}

	// --writer llm probes the model server, then offers the model.
	srv := llmtest.New(t, llmtest.Script{Models: []string{"mistral"}, Rules: []llmtest.Rule{{Respond: writertest.Model}}})
	t.Cleanup(srv.Close)
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	var errb2 syncBuffer
	go func() {
		done <- Run(ctx2, []string{"serve", "--addr", "127.0.0.1:0", "--db", "", "--writer", "llm", "--llm-url", srv.URL, "--model", "mistral"},
			IO{In: strings.NewReader(""), Out: &out, Err: &errb2})
	}()
	base = "http://" + waitAddr(t, errb2.String)
	resp, err = http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h2 struct {
		Writers       []string `json:"writers"`
		DefaultWriter string   `json:"default_writer"`
		Store         bool     `json:"store"`
	}
	json.NewDecoder(resp.Body).Decode(&h2)
	resp.Body.Close()
	if len(h2.Writers) != 2 || h2.DefaultWriter != "llm" || h2.Store {
		t.Errorf("healthz with --writer llm and no store = %+v", h2)
	}
	cancel2()
	if code := <-done; code != ExitOK {
		t.Errorf("exit %d: %s", code, errb2.String())
	}
}

func TestServeBadFlags(t *testing.T) {
	dead, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + dead.Addr().String() + "/v1"
	dead.Close()
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--max-body", "0"},
		{"serve", "--workers", "-1"},
		{"serve", "--rewrite-timeout", "0s"},
		{"serve", "--bogus"},
		{"serve", "--db", "", "--addr", "nonsense"},
		{"serve", "--db", "", "--addr", busy.Addr().String()},
		{"serve", "--db", filepath.Join(t.TempDir(), "no", "such", "dir", "plume.db"), "--addr", "127.0.0.1:0"},
		{"serve", "--db", "", "--llm-url", deadURL, "--model", "m"},
		{"serve", "--db", "", "--writer", "llm", "--llm-url", deadURL, "--model", "m"},
		{"serve", "--db", "", "--writer", "gpt"},
	} {
		r := run(t, "", args...)
		if r.code != ExitUsage || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || r.stderr == "" {
			t.Errorf("plume %s: exit %d, stderr %q: want exit 2 and one line", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

// TestServeSIGTERM runs plume serve as a child process and sends it SIGTERM
// while a rewrite runs: the rewrite finishes and is stored, and the process
// exits 0.
func TestServeSIGTERM(t *testing.T) {
	if os.Getenv("PLUME_SERVE_CHILD") != "" {
		t.Skip("in the child")
	}
	arrived := make(chan struct{})
	release := make(chan struct{})
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", "004_1ac107a302d2e3f1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	slow := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		<-release
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(text)
	})}
	sln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go slow.Serve(sln)
	defer slow.Close()

	db := filepath.Join(t.TempDir(), "plume.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PLUME_SERVE_CHILD="+db)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var errb syncBuffer
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			errb.Write(append(sc.Bytes(), '\n'))
		}
	}()
	base := "http://" + waitAddr(t, errb.String)

	got := make(chan int, 1)
	go func() {
		body := `{"url":"http://` + sln.Addr().String() + `/"}`
		resp, err := http.Post(base+"/api/v1/rewrite", "application/json", strings.NewReader(body))
		if err != nil {
			t.Errorf("rewrite during shutdown: %v", err)
			got <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-arrived
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // the child is shutting down, the rewrite still waits
	close(release)
	if code := <-got; code != 200 {
		t.Errorf("rewrite running at SIGTERM: status %d", code)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child after SIGTERM: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "shutting down") {
		t.Errorf("child's log has no shutdown line: %s", errb.String())
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if arts, err := st.RecentArticles(context.Background(), 0); err != nil || len(arts) != 1 {
		t.Errorf("stored articles after shutdown: %d, %v; want the one written during it", len(arts), err)
	}
}

// TestServeChild is the child process of TestServeSIGTERM.
func TestServeChild(t *testing.T) {
	db := os.Getenv("PLUME_SERVE_CHILD")
	if db == "" {
		t.Skip("run by TestServeSIGTERM")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	code := Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--allow-private-urls"}, IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	os.Exit(code)
}
