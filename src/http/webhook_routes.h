// The platform-facing routes: GET/POST /webhooks/meta, POST /webhooks/generic.
// All they do is HTTP: headers, content type, status codes; the work is the
// pipeline's. The pipeline must outlive the server.
#pragma once

#include <httplib.h>

#include "ingest/pipeline.h"

namespace turnaround::http {

void RegisterWebhookRoutes(httplib::Server& server, ingest::IngestPipeline& pipeline);

}  // namespace turnaround::http
