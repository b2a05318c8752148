-- urikake database schema, version 1 (PRAGMA user_version = 1).
-- Compiled into the binary (build-aux/embed.sh); applied by src/store.c in
-- one transaction. Later versions add migration steps in store.c: never
-- edit this file once released.
--
-- Money: INTEGER minor units of the row's currency. Dates: TEXT
-- 'YYYY-MM-DD'. Timestamps: TEXT ISO-8601 UTC 'YYYY-MM-DDTHH:MM:SSZ'.

CREATE TABLE customer (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kana TEXT,
	kana_key TEXT,
	currency TEXT NOT NULL DEFAULT 'JPY',
	terms TEXT,
	credit_limit INTEGER NOT NULL DEFAULT 0,
	sales_rep TEXT,
	phone TEXT,
	email TEXT,
	address TEXT,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX customer_kana_key ON customer(kana_key);

-- Learned payer → customer links: a confirmed match teaches them.
CREATE TABLE payer_alias (
	id INTEGER PRIMARY KEY,
	payer_key TEXT NOT NULL,
	remit_bank TEXT NOT NULL DEFAULT '',
	remit_branch TEXT NOT NULL DEFAULT '',
	payer_code TEXT NOT NULL DEFAULT '',
	customer_id INTEGER NOT NULL REFERENCES customer(id),
	count INTEGER NOT NULL DEFAULT 1,
	last_used_at TEXT NOT NULL,
	user TEXT NOT NULL,
	UNIQUE (payer_key, remit_bank, remit_branch, payer_code, customer_id)
) STRICT;
CREATE INDEX payer_alias_customer ON payer_alias(customer_id);

-- paid: sum of active allocations and adjustments, maintained by the
-- triggers below (since migration 8 the store adds inserted rows) in the
-- same transaction (the ledger is the truth).
CREATE TABLE invoice (
	id INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	customer_id INTEGER NOT NULL REFERENCES customer(id),
	issue_date TEXT NOT NULL,
	due_date TEXT NOT NULL,
	amount INTEGER NOT NULL,
	currency TEXT NOT NULL,
	tax INTEGER,
	memo TEXT,
	paid INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX invoice_customer ON invoice(customer_id, issue_date);
-- Open invoices only, covering the "as of now" aging query (measured: a
-- full-width covering index of all invoices is slower than a table scan,
-- but a partial one holds only the few open invoices).
CREATE INDEX invoice_open ON invoice(customer_id, currency, due_date, issue_date, amount, paid)
	WHERE amount <> paid;

CREATE TABLE bank_file (
	id INTEGER PRIMARY KEY,
	sha256 TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	format TEXT NOT NULL,
	encoding TEXT NOT NULL,
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user TEXT NOT NULL,
	records INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE deposit (
	id INTEGER PRIMARY KEY,
	bank_file_id INTEGER REFERENCES bank_file(id),
	record_no INTEGER NOT NULL DEFAULT 0,
	acct_bank TEXT NOT NULL DEFAULT '',
	acct_branch TEXT NOT NULL DEFAULT '',
	acct_number TEXT NOT NULL DEFAULT '',
	booking_date TEXT NOT NULL,
	value_date TEXT NOT NULL,
	amount INTEGER NOT NULL,
	currency TEXT NOT NULL,
	payer_name TEXT NOT NULL DEFAULT '',
	payer_key TEXT NOT NULL DEFAULT '',
	payer_code TEXT NOT NULL DEFAULT '',
	remit_bank TEXT NOT NULL DEFAULT '',
	remit_branch TEXT NOT NULL DEFAULT '',
	edi TEXT NOT NULL DEFAULT '',
	reference TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'unmatched'
		CHECK (state IN ('unmatched', 'matched', 'partial', 'parked', 'reversed')),
	customer_id INTEGER REFERENCES customer(id),
	park_reason TEXT,
	UNIQUE (acct_bank, acct_branch, acct_number, booking_date, reference, amount)
) STRICT;
CREATE INDEX deposit_state ON deposit(state);
CREATE INDEX deposit_reference ON deposit(reference);

-- A ledger: rows are voided, never deleted or rewritten. amount is the cash
-- of the deposit applied here (invoice_id NULL: held on account), so a
-- deposit's active allocations add up to its amount; fee is the transfer
-- fee the customer deducted on this invoice, booked as a 'fee' adjustment
-- that points back here.
CREATE TABLE allocation (
	id INTEGER PRIMARY KEY,
	deposit_id INTEGER NOT NULL REFERENCES deposit(id),
	invoice_id INTEGER REFERENCES invoice(id),
	customer_id INTEGER NOT NULL REFERENCES customer(id),
	amount INTEGER NOT NULL,
	fee INTEGER NOT NULL DEFAULT 0,
	kind TEXT NOT NULL CHECK (kind IN ('auto', 'manual')),
	alloc_date TEXT NOT NULL,
	user TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	voided_at TEXT,
	voided_by TEXT
) STRICT;
CREATE INDEX allocation_deposit ON allocation(deposit_id);
CREATE INDEX allocation_invoice ON allocation(invoice_id);
CREATE INDEX allocation_customer ON allocation(customer_id);
CREATE INDEX allocation_date ON allocation(alloc_date);
CREATE INDEX allocation_voided ON allocation(voided_at) WHERE voided_at IS NOT NULL;

CREATE TABLE adjustment (
	id INTEGER PRIMARY KEY,
	invoice_id INTEGER NOT NULL REFERENCES invoice(id),
	kind TEXT NOT NULL CHECK (kind IN ('fee', 'write_off', 'credit_note')),
	amount INTEGER NOT NULL,
	adj_date TEXT NOT NULL,
	allocation_id INTEGER REFERENCES allocation(id),
	user TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	voided_at TEXT,
	voided_by TEXT
) STRICT;
CREATE INDEX adjustment_invoice ON adjustment(invoice_id);
CREATE INDEX adjustment_allocation ON adjustment(allocation_id);
CREATE INDEX adjustment_date ON adjustment(adj_date);
CREATE INDEX adjustment_voided ON adjustment(voided_at) WHERE voided_at IS NOT NULL;

CREATE TABLE contact (
	id INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customer(id),
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user TEXT NOT NULL,
	channel TEXT NOT NULL,
	direction TEXT NOT NULL DEFAULT 'out' CHECK (direction IN ('in', 'out')),
	note TEXT NOT NULL DEFAULT '',
	outcome TEXT,
	promise_date TEXT,
	promise_amount INTEGER,
	next_date TEXT,
	next_owner TEXT,
	dunning_level INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX contact_customer ON contact(customer_id, at);
CREATE INDEX contact_next ON contact(next_date) WHERE next_date IS NOT NULL;

CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	user TEXT NOT NULL,
	os_user TEXT NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	before TEXT,
	after TEXT
) STRICT;
CREATE INDEX audit_entity ON audit(entity);

-- The ledger keeps invoice.paid: +amount when an active row is inserted,
-- −amount when it is voided. Only voiding may change a ledger row.
-- Migration 8 drops the two *_paid_insert triggers: the store adds an
-- inserted row to paid itself (a trigger costs every insert a statement
-- journal).
CREATE TRIGGER allocation_no_delete BEFORE DELETE ON allocation
BEGIN
	SELECT RAISE(ABORT, 'allocations are a ledger: void them, never delete');
END;
CREATE TRIGGER allocation_no_rewrite BEFORE UPDATE ON allocation
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
	OR NEW.id IS NOT OLD.id OR NEW.deposit_id IS NOT OLD.deposit_id
	OR NEW.invoice_id IS NOT OLD.invoice_id OR NEW.customer_id IS NOT OLD.customer_id
	OR NEW.amount IS NOT OLD.amount OR NEW.fee IS NOT OLD.fee
	OR NEW.alloc_date IS NOT OLD.alloc_date
BEGIN
	SELECT RAISE(ABORT, 'allocations are a ledger: only voiding may change a row');
END;
CREATE TRIGGER allocation_paid_insert AFTER INSERT ON allocation
WHEN NEW.invoice_id IS NOT NULL AND NEW.voided_at IS NULL
BEGIN
	UPDATE invoice SET paid = paid + NEW.amount WHERE id = NEW.invoice_id;
END;
CREATE TRIGGER allocation_paid_void AFTER UPDATE OF voided_at ON allocation
WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
BEGIN
	UPDATE invoice SET paid = paid - OLD.amount WHERE id = OLD.invoice_id;
	UPDATE adjustment SET voided_at = NEW.voided_at, voided_by = NEW.voided_by
		WHERE allocation_id = OLD.id AND voided_at IS NULL;
END;

CREATE TRIGGER adjustment_no_delete BEFORE DELETE ON adjustment
BEGIN
	SELECT RAISE(ABORT, 'adjustments are a ledger: void them, never delete');
END;
CREATE TRIGGER adjustment_no_rewrite BEFORE UPDATE ON adjustment
WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL
	OR NEW.id IS NOT OLD.id OR NEW.invoice_id IS NOT OLD.invoice_id
	OR NEW.kind IS NOT OLD.kind OR NEW.amount IS NOT OLD.amount
	OR NEW.adj_date IS NOT OLD.adj_date OR NEW.allocation_id IS NOT OLD.allocation_id
BEGIN
	SELECT RAISE(ABORT, 'adjustments are a ledger: only voiding may change a row');
END;
CREATE TRIGGER adjustment_paid_insert AFTER INSERT ON adjustment
WHEN NEW.voided_at IS NULL
BEGIN
	UPDATE invoice SET paid = paid + NEW.amount WHERE id = NEW.invoice_id;
END;
CREATE TRIGGER adjustment_paid_void AFTER UPDATE OF voided_at ON adjustment
WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
BEGIN
	UPDATE invoice SET paid = paid - OLD.amount WHERE id = OLD.invoice_id;
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
