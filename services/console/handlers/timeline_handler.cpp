#include "console/handlers/timeline_handler.hpp"

#include <sstream>

#include "events/formats.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/errors.hpp"
#include "sagactl/output/facts_render.hpp"
#include "sagactl/timeline/saga_timeline.hpp"

namespace saga::console {

namespace http = runtime::http;

void AddTimelineRoute(http::Router& router, const std::map<std::string, std::string>& database_urls,
                      const std::string& amqp_url) {
    router.Add("GET", "/console/api/orders/{order_id}/timeline",
               [&database_urls, &amqp_url](const http::Request& request) {
                   const std::string& order_id = request.PathParam("order_id");
                   if (!events::IsId(order_id))
                       throw http::HttpError(http::ErrorKind::kNotFound, "no order " + order_id);
                   sagactl::SagaTimeline timeline;
                   try {
                       runtime::amqp::Connection broker({.url = amqp_url, .connection_name = "console timeline"});
                       std::ostringstream notes;
                       timeline = sagactl::ReadSagaTimeline(database_urls, broker, order_id, notes);
                   } catch (const runtime::amqp::AmqpError& error) {
                       throw http::HttpError(http::ErrorKind::kUnavailable, std::string("broker: ") + error.what());
                   }
                   if (timeline.entries.empty()) {
                       throw http::HttpError(http::ErrorKind::kNotFound,
                                             "no order " + order_id + " in the service databases or the DLQs");
                   }
                   return http::Json(200, sagactl::TimelineJson(order_id, timeline.entries));
               });
}

}  // namespace saga::console
