CREATE TABLE not_ready_reasons (
  label TEXT PRIMARY KEY,
  position INTEGER NOT NULL
);
INSERT INTO not_ready_reasons (label, position) VALUES ('Team huddle', 1), ('Coaching', 2), ('Training', 3), ('Admin work', 4), ('System problem', 5), ('Comfort break', 6);
