-- The order's status and rejection reason ($1 order id).
SELECT status, coalesce(reason, '') AS reason FROM orders WHERE order_id = $1
