package serve

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var screenshot = flag.String("screenshot", "", "also save the editor test's screenshot to this file (docs/editor.png)")

// chromium finds the browser: $PLUME_CHROMIUM, else Debian's chromium or
// another Chrome on PATH.
func chromium() string {
	if p := os.Getenv("PLUME_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestEditorInChromium drives the editor page in a real headless Chromium:
// paste seed 003 into a newsroom store that already holds two related
// stories, run, and see the article with ≥ 3 subheadings, the checklist,
// the Google preview and the history; then paste a hostile page and see
// that nothing in it runs. CI installs Chromium and sets CI, so there the
// test fails rather than skips when the browser is missing.
func TestEditorInChromium(t *testing.T) {
	exe := chromium()
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium not found: CI must install it (apt-get install chromium) or set PLUME_CHROMIUM")
		}
		t.Skip("Chromium not installed (apt-get install chromium); CI runs this test")
	}
	s := New(Options{Store: openStore(t)})
	for _, p := range []string{"002", "004"} {
		if w := call(t, s.Handler(), "POST", "/api/v1/rewrite", map[string]any{"text": seed(t, p)}); w.Code != 200 {
			t.Fatalf("preparing the store with %s: %d", p, w.Code)
		}
	}
	base, _ := start(t, s)

	profile, err := os.MkdirTemp("", "plume-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1440, 1100),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	// At the end the browser is killed and waited for, then its profile
	// removed: Chromium writes to it until its last process is gone.
	defer func() {
		cancelTab()
		cancelAlloc()
		if c := chromedp.FromContext(ctx); c != nil && c.Allocator != nil {
			c.Allocator.Wait()
		}
		// A helper process may still write a moment after: remove until
		// the folder stays gone (best effort; a leftover is only litter).
		for range 30 {
			os.RemoveAll(profile)
			time.Sleep(100 * time.Millisecond)
			if _, err := os.Stat(profile); os.IsNotExist(err) {
				return
			}
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Every script error and console error (a CSP violation among them)
	// fails the test.
	var mu sync.Mutex
	var problems []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+e.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				problems = append(problems, "console error: "+strings.Join(parts, " "))
			}
		}
	})

	var (
		h2, checks, history, lights int
		serpTitle, serpDesc, words  string
		busyLabel, warning          string
		unlabelled                  []string
		png                         []byte
	)
	err = chromedp.Run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#source", chromedp.ByID),
		// Every control has a label a screen reader announces.
		chromedp.Evaluate(`[...document.querySelectorAll('input, textarea, select')]
			.filter(e => !e.closest('[hidden]') && e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id)`, &unlabelled),
		// The history already lists the store's two articles.
		chromedp.WaitReady("#history li:nth-child(2)", chromedp.ByQuery),
		chromedp.SetValue("#source", seed(t, "003"), chromedp.ByID),
		// Run from the keyboard: Ctrl+Enter in the text.
		chromedp.Focus("#source", chromedp.ByID),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.Text("#run", &busyLabel, chromedp.ByID),
		chromedp.WaitVisible("#result", chromedp.ByID),
		chromedp.WaitReady("#history li:nth-child(3)", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#article h2').length`, &h2),
		chromedp.Evaluate(`document.querySelectorAll('.checklist li').length`, &checks),
		chromedp.Evaluate(`document.querySelectorAll('.checklist li .light.good, .checklist li .light.ok, .checklist li .light.bad').length`, &lights),
		chromedp.Evaluate(`document.querySelectorAll('#history li').length`, &history),
		chromedp.Text("#serp-title-text", &serpTitle, chromedp.ByID),
		chromedp.Text("#serp-desc", &serpDesc, chromedp.ByID),
		chromedp.Text("#words", &words, chromedp.ByID),
		chromedp.Text("#warning-list", &warning, chromedp.ByID),
		chromedp.ScrollIntoView("body", chromedp.ByQuery),
		chromedp.FullScreenshot(&png, 100), // 100: PNG, not JPEG,
	)
	if err != nil {
		t.Fatalf("editor: %v", err)
	}
	t.Logf("003 in the editor: %s words, %d H2, %d checks, Google title %q", words, h2, checks, serpTitle)
	if len(unlabelled) > 0 {
		t.Errorf("controls without a label: %v", unlabelled)
	}
	if !strings.Contains(warning, "Les sources permettent environ") || strings.Contains(warning, "writing passes") || strings.Contains(warning, "the sources support") {
		t.Errorf("the warnings are not in French: %q", warning)
	}
	if h2 < 3 {
		t.Errorf("%d subheadings in the rendered article, want ≥ 3", h2)
	}
	if checks < 20 || lights != checks {
		t.Errorf("checklist: %d items, %d with a light", checks, lights)
	}
	if history != 3 {
		t.Errorf("history lists %d articles, want 3", history)
	}
	if serpTitle == "" || len([]rune(serpDesc)) < 100 {
		t.Errorf("Google preview: title %q, description %q", serpTitle, serpDesc)
	}
	if !strings.Contains(busyLabel, "cours") && !strings.Contains(busyLabel, "Rédiger") {
		t.Errorf("run button label %q", busyLabel)
	}
	saveScreenshot(t, png)

	// A hostile page pasted as the source: its scripts and handlers must not
	// run, neither when the article is shown nor after.
	hostile := `<html><head><title>Un titre</title><script>window.__pwned = 1</script></head><body><article>` +
		`<h1>Le conseil municipal vote le budget</h1>` +
		strings.Repeat(`<p>Le conseil municipal de Lyon a voté jeudi soir le budget de la ville pour l'année prochaine, après un long débat entre la majorité et l'opposition sur les investissements.</p>`, 5) +
		`<p>Le maire a salué un vote <img src="x" onerror="window.__pwned = 2">historique <svg onload="window.__pwned = 3"></svg>` +
		`<a href="javascript:window.__pwned = 4">ici</a> &lt;script&gt;window.__pwned = 5&lt;/script&gt;.</p></article></body></html>`
	var pwned string
	var title string
	err = chromedp.Run(ctx,
		chromedp.SetValue("#source", hostile, chromedp.ByID),
		chromedp.SetValue("#min-words", "100", chromedp.ByID),
		chromedp.Click("#run", chromedp.ByID),
		chromedp.WaitReady("#history li:nth-child(4)", chromedp.ByQuery),
		chromedp.Text("#article h1", &title, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`String(window.__pwned)`, &pwned),
	)
	if err != nil {
		t.Fatalf("hostile source: %v", err)
	}
	// A URL on the internal network is refused, and the editor says so in
	// French.
	var errText string
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`document.getElementById("source").value = ""`, nil),
		chromedp.SetValue("#url", base+"/healthz", chromedp.ByID),
		chromedp.Click("#run", chromedp.ByID),
		chromedp.WaitVisible("#error", chromedp.ByID),
		chromedp.Text("#error", &errText, chromedp.ByID),
	)
	if err != nil {
		t.Fatalf("internal URL: %v", err)
	}
	if !strings.Contains(errText, "réseau interne") {
		t.Errorf("error for an internal URL: %q", errText)
	}
	if pwned != "undefined" {
		t.Errorf("a script of the source ran in the editor: window.__pwned = %s", pwned)
	}
	if !strings.Contains(title, "budget") {
		t.Errorf("hostile source's article not shown: h1 %q", title)
	}
	// Copied under the lock, not held: closing the browser (deferred)
	// still delivers events to the listener.
	mu.Lock()
	seen := append([]string(nil), problems...)
	mu.Unlock()
	for _, p := range seen {
		t.Errorf("in the page: %s", p)
	}
}

func saveScreenshot(t *testing.T, png []byte) {
	t.Helper()
	var paths []string
	if dir := os.Getenv("PLUME_ARTIFACTS"); dir != "" {
		paths = append(paths, filepath.Join(dir, "editor.png"))
	}
	if *screenshot != "" {
		paths = append(paths, *screenshot)
	}
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%s)", p, fmt.Sprintf("%d kB", len(png)>>10))
	}
}
