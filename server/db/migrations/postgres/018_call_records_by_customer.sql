-- A customer's profile lists the calls from and to their numbers at every site.
CREATE INDEX call_records_customer_number ON call_records (customer_number, offered_at);
