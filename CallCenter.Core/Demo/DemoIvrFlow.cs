namespace CallCenter.Core.Demo;

/// <summary>
/// The demo's main menu (4000) as an IVR flow definition. The schema, version 1, which the IVR
/// runtime interprets:
/// <code>
/// { "schema": 1, "start": "&lt;node id&gt;", "nodes": { "&lt;node id&gt;": node, ... } }
/// node "menu":   prompt, timeoutSeconds (wait for a digit), maxAttempts,
///                branches { "&lt;digit&gt;": "&lt;node id&gt;" },
///                timeoutPrompt / invalidPrompt (played before the menu repeats),
///                fallback: node id taken once maxAttempts are used up
/// node "play":   prompt, next: node id
/// node "route":  target { type: a RouteTargetType name, key: queue name, extension or flow name when the type needs one }
/// node "hangup": optional prompt, then the call ends
/// </code>
/// Prompts are text (synthesised, or replaced by a recorded file under the same node's
/// "promptFile"). Nodes are keyed by id so that a flow cannot hold two nodes with one id.
/// </summary>
public static class DemoIvrFlow
{
    public const string MainDefinitionJson = """
        {
          "schema": 1,
          "start": "welcome",
          "nodes": {
            "welcome": {
              "type": "menu",
              "prompt": "您好，欢迎致电示例呼叫中心。销售咨询请按1，售后服务请按2，信息查询请按3，人工服务请按0。",
              "timeoutSeconds": 5,
              "maxAttempts": 3,
              "branches": {
                "1": "to-sales",
                "2": "to-support",
                "3": "to-info",
                "0": "to-operator"
              },
              "timeoutPrompt": "抱歉，没有收到您的按键。",
              "invalidPrompt": "您的输入有误，请重新选择。",
              "fallback": "to-operator"
            },
            "to-sales": { "type": "route", "target": { "type": "Queue", "key": "sales" } },
            "to-support": { "type": "route", "target": { "type": "Queue", "key": "support" } },
            "to-info": { "type": "route", "target": { "type": "InfoService" } },
            "to-operator": {
              "type": "play",
              "prompt": "正在为您转接人工服务，请稍候。",
              "next": "operator-queue"
            },
            "operator-queue": { "type": "route", "target": { "type": "Queue", "key": "operator" } }
          }
        }
        """;
}
