// Renders an Ollama Modelfile TEMPLATE with Go's text/template, the engine Ollama uses, given
// chat messages, and prints the result as a JSON string. As Ollama's template package does, the
// system messages are gathered into .System (joined by blank lines) and consecutive messages of
// one role are merged. usage: go run render_ollama_template.go TEMPLATE_FILE MESSAGES.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

func main() {
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	raw, err := os.ReadFile(os.Args[2])
	if err != nil {
		panic(err)
	}
	var msgs []Message
	if err := json.Unmarshal(raw, &msgs); err != nil {
		panic(err)
	}
	var system []string
	var collated []*Message
	for i := range msgs {
		m := msgs[i]
		if m.Role == "system" {
			system = append(system, m.Content)
		}
		if len(collated) > 0 && collated[len(collated)-1].Role == m.Role {
			collated[len(collated)-1].Content += "\n\n" + m.Content
		} else {
			collated = append(collated, &m)
		}
	}
	tmpl, err := template.New("").Parse(string(text))
	if err != nil {
		fmt.Fprintln(os.Stderr, "template:", err)
		os.Exit(1)
	}
	var out strings.Builder
	data := map[string]any{"System": strings.Join(system, "\n\n"), "Messages": collated}
	if err := tmpl.Execute(&out, data); err != nil {
		fmt.Fprintln(os.Stderr, "execute:", err)
		os.Exit(1)
	}
	encoded, _ := json.Marshal(out.String())
	fmt.Println(string(encoded))
}
