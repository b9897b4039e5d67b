-- operation: directory search
-- Words, accepting services only, within 10 km of the school (a bounding box on the locations first), ranked.
SELECT s.id, s.name, o.name, l.latitude, l.longitude, ts_rank(s.search_vector, websearch_to_tsquery('english', 'mentoring')) AS rank
 FROM dir_service s JOIN dir_organization o ON o.id = s.organization_id
 JOIN dir_service_at_location sal ON sal.service_id = s.id JOIN dir_location l ON l.id = sal.location_id
 WHERE s.search_vector @@ websearch_to_tsquery('english', 'mentoring') AND s.status = 'active' AND s.accepts_referrals
 AND s.capacity_status = 'accepting' AND l.latitude BETWEEN 42.02 AND 42.20 AND l.longitude BETWEEN -72.70 AND -72.46
 ORDER BY rank DESC, s.id LIMIT 20;
