// Package llmtest is a scripted OpenAI-compatible server for tests: it takes
// a Script of canned replies and gives an httptest server on loopback that
// serves GET /v1/models and POST /v1/chat/completions like Ollama, llama.cpp
// or vLLM would — including their failure modes (429 with Retry-After, 500,
// stalls past a timeout, malformed or truncated answers, streamed answers,
// rejected response_format, missing bearer key).
//
// It never runs a model, never touches the network beyond loopback, and
// never decides anything from the prompt except which scripted rule matches.
package llmtest
