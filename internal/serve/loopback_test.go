package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// start serves s on a real loopback port and returns its base URL and a
// function that shuts it down and returns Serve's result.
func start(t *testing.T, s *Server) (string, func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var serr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case serr = <-done:
			case <-time.After(time.Minute):
				serr = errors.New("Serve did not return after shutdown")
			}
		})
		return serr
	}
	t.Cleanup(func() { stop() })
	return "http://" + ln.Addr().String(), stop
}

func post(url string, body any) (*http.Response, []byte, error) {
	j, _ := json.Marshal(body)
	resp, err := http.Post(url, "application/json", bytes.NewReader(j))
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// TestConcurrentRewrites sends 100 rewrites at once to a real server: each
// is answered with the article or refused with 503 and Retry-After; none is
// lost or mixed up with another.
func TestConcurrentRewrites(t *testing.T) {
	texts := []string{seed(t, "000"), seed(t, "002"), seed(t, "004")}
	ref := make([]string, len(texts))
	for i, text := range texts {
		ref[i] = decodeResult(t, call(t, New(Options{}).Handler(), "POST", "/api/v1/rewrite", map[string]any{"text": text}).Body.Bytes()).Title
	}
	for _, tc := range []struct {
		name           string
		workers, queue int
		allServed      bool
	}{
		{"small queue", 2, 3, false},
		{"queue for all", 2, 100, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base, stop := start(t, New(Options{Workers: tc.workers, Queue: tc.queue}))
			const n = 100
			var wg sync.WaitGroup
			codes := make([]int, n)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					k := i % len(texts)
					resp, b, err := post(base+"/api/v1/rewrite", map[string]any{"text": texts[k]})
					if err != nil {
						t.Errorf("request %d: %v", i, err)
						return
					}
					codes[i] = resp.StatusCode
					switch resp.StatusCode {
					case 200:
						if got := decodeResult(t, b).Title; got != ref[k] {
							t.Errorf("request %d: title %q, want %q", i, got, ref[k])
						}
					case 503:
						if resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), `"busy"`) {
							t.Errorf("request %d: 503 without Retry-After or code: %s", i, b)
						}
					default:
						t.Errorf("request %d: status %d: %s", i, resp.StatusCode, b)
					}
				}()
			}
			wg.Wait()
			ok, busy := 0, 0
			for _, c := range codes {
				switch c {
				case 200:
					ok++
				case 503:
					busy++
				}
			}
			t.Logf("%d answered, %d refused with 503", ok, busy)
			if ok+busy != n {
				t.Errorf("%d + %d responses, want %d", ok, busy, n)
			}
			if ok < tc.workers || (tc.allServed && ok != n) {
				t.Errorf("%d served, want at least %d (all: %v)", ok, tc.workers, tc.allServed)
			}
			if err := stop(); err != nil {
				t.Errorf("shutdown: %v", err)
			}
		})
	}
}

// TestGracefulShutdown: a rewrite running when shutdown starts finishes
// with its article; new connections are refused; Serve returns nil.
func TestGracefulShutdown(t *testing.T) {
	arrived := make(chan struct{})
	release := make(chan struct{})
	text := seed(t, "004")
	slow := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-release
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, text)
	})}
	sln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go slow.Serve(sln)
	defer slow.Close()

	base, stop := start(t, New(Options{AllowPrivateURLs: true}))
	type answer struct {
		status int
		body   []byte
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		resp, b, err := post(base+"/api/v1/rewrite", map[string]string{"url": "http://" + sln.Addr().String() + "/"})
		if err != nil {
			got <- answer{err: err}
			return
		}
		got <- answer{resp.StatusCode, b, nil}
	}()
	<-arrived // the rewrite is running: it is fetching its source
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	// Shutdown closes the listener first: a new request cannot connect.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still accepts connections during shutdown")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-stopped:
		t.Fatalf("Serve returned (%v) while a request was running", err)
	default:
	}
	close(release)
	a := <-got
	if a.err != nil || a.status != 200 {
		t.Fatalf("running request: %d %v %.200s", a.status, a.err, a.body)
	}
	if res := decodeResult(t, a.body); res.WordCount < 300 {
		t.Errorf("running request's article has %d words", res.WordCount)
	}
	if err := <-stopped; err != nil {
		t.Errorf("Serve after a clean shutdown: %v", err)
	}
}
