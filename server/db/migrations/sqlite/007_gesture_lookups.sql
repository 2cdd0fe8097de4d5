DROP INDEX gesture_requests_pending;
CREATE INDEX gesture_requests_due ON gesture_requests(expires_at) WHERE status = 'pending';
DROP INDEX gesture_requests_customer;
CREATE INDEX gesture_requests_customer_spend ON gesture_requests(customer_id, created_at, status, amount_pence);
