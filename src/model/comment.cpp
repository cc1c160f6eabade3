#include "model/comment.h"

namespace turnaround::model {

const char* ActionName(CommentAction a) {
  switch (a) {
    case CommentAction::kCreate: return "create";
    case CommentAction::kEdit: return "edit";
    case CommentAction::kRemove: return "remove";
    case CommentAction::kHide: return "hide";
    case CommentAction::kUnhide: return "unhide";
  }
  return "create";
}

}  // namespace turnaround::model
