// Placeholder entry until the task pane lands (issue 6).
export {};
