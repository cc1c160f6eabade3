#include "http/report_routes.h"

namespace turnaround::http {

void RegisterReportRoutes(httplib::Server&, ReportContext&) {}

}  // namespace turnaround::http
