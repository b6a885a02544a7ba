-- Version 3: the working set (issue 9). A desk pulls only the cases it needs: every case still open,
-- every case that changed within the months it keeps, and every case its officer holds. A case is
-- "settled" when it is closed with no complaint waiting for an answer; settled_at is the instant of
-- the event that settled it (null while it is not), so GET /changes?closedBefore= can leave out
-- the cases settled before that day without reading their state.
ALTER TABLE cases ADD COLUMN settled_at timestamptz;

UPDATE cases c
   SET settled_at = (SELECT max((e.body->>'at')::timestamptz) FROM events e WHERE e.case_id = c.id)
 WHERE c.stage = 'closed'
   AND NOT jsonb_path_exists(c.state, '$.complaints[*] ? (!exists(@.answer))');

-- Only settled cases are ever left out, so only they are indexed.
CREATE INDEX cases_settled ON cases (akimat_id, settled_at) WHERE settled_at IS NOT NULL;
