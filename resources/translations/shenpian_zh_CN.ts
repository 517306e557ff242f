<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignUi</name>
    <message>
        <location filename="../../ui/campaign/hook.py" line="27" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="30" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="53" />
        <source>&amp;Campaign</source>
        <translation>整改督办(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="54" />
        <source>Inspection rounds…</source>
        <translation>期次管理…</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/hook.py" line="55" />
        <source>Re-check proposals…</source>
        <translation>复查（回头看）建议…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/dialog.py" line="59" />
        <location filename="../../ui/export/dialog.py" line="182" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="80" />
        <source>Rectification ledger (XLSX)</source>
        <translation>整改台账（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="81" />
        <source>Ledger (CSV)</source>
        <translation>台账（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="82" />
        <source>Timeline (OTIO: Resolve, Kdenlive)</source>
        <translation>时间线（OTIO：达芬奇、Kdenlive）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="83" />
        <source>Timeline (FCP7 XML: Premiere)</source>
        <translation>时间线（FCP7 XML：Premiere）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="84" />
        <source>EDL (CMX3600)</source>
        <translation>EDL（CMX3600）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="85" />
        <source>Resolve timeline markers (EDL)</source>
        <translation>达芬奇时间线标记（EDL）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="86" />
        <source>Captions (SRT)</source>
        <translation>字幕（SRT）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="87" />
        <source>Captions (ASS)</source>
        <translation>字幕（ASS）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="88" />
        <source>Clip files (MP4)</source>
        <translation>问题片段（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="89" />
        <source>Screening reel (MP4)</source>
        <translation>放映合成片（MP4）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="90" />
        <source>Meeting slides (PPTX)</source>
        <translation>会议幻灯片（PPTX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="91" />
        <source>Statistics (CSV + PNG)</source>
        <translation>统计（CSV + PNG）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="92" />
        <source>Bulletin (Word, GB/T 9704)</source>
        <translation>通报（Word，GB/T 9704 公文格式）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="93" />
        <source>County assessment (XLSX)</source>
        <translation>县级考核排名（XLSX）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="95" />
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="107" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="110" />
        <source>Current filter (%n tag(s))</source>
        <translation><numerusform>当前筛选（%n 条标记）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="113" />
        <source>Editor's playlist (%n tag(s))</source>
        <translation><numerusform>编辑的播放列表（%n 条标记）</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="125" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="128" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="130" />
        <source>Handles before and after</source>
        <translation>前后各留</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="132" />
        <source>Exact (re-encoded, frame-exact)</source>
        <translation>精确（重新编码，逐帧精确）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="134" />
        <source>Lossless (stream copy; starts at the keyframe before the mark)</source>
        <translation>无损（直接复制，从标记前的关键帧开始，非逐帧精确）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="137" />
        <source>Clip cut</source>
        <translation>剪切方式</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="138" />
        <source>Keep variable frame rate (else constant, for editing)</source>
        <translation>保留可变帧率（否则转为恒定帧率，便于剪辑）</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="141" />
        <source>Phone footage changes its frame rate. Constant-rate clips repeat frames to keep time; either way the first and last frames are the tag's.</source>
        <translation>手机视频的帧率会变化。恒定帧率的片段用重复画面补足时间；两种方式的首尾帧都与标记一致。</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="146" />
        <source>Burn in category · place · unit</source>
        <translation>叠加字幕：类别 · 地点 · 责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="148" />
        <source>Watermark the reel</source>
        <translation>合成片加水印</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="152" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="153" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="154" />
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="157" />
        <source>Reel grouped by</source>
        <translation>合成片分组</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="159" />
        <source>On the reel</source>
        <translation>按合成片计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="160" />
        <source>Per clip file</source>
        <translation>按每个片段计时</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="161" />
        <source>Caption times</source>
        <translation>字幕时间</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="162" />
        <source>e.g. Issue 5</source>
        <translation>如：第5期</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="163" />
        <source>Issue on the cover</source>
        <translation>封面期数</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="165" />
        <source>Privacy mosaic</source>
        <translation>隐私打码</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="170" />
        <location filename="../../ui/export/dialog.py" line="229" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="173" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="185" />
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="187" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="255" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="277" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/dialog.py" line="288" />
        <source>✓ %1: %2 problem(s)</source>
        <translation>✓ %1：%2 个问题</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/dialog.py" line="295" />
        <source>    … and %n more file(s)</source>
        <translation><numerusform>    …… 另有 %n 个文件</numerusform></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../ui/window/feedback.py" line="40" />
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="46" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="51" />
        <source>Zoom: fit to window</source>
        <translation>缩放：适应窗口</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="53" />
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="56" />
        <source>Timeline zoom %1× (Ctrl+wheel; wheel scrolls)</source>
        <translation>时间轴缩放 %1×（Ctrl+滚轮缩放；滚轮左右移动）</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="61" />
        <source>Tagged: %1</source>
        <translation>已标记：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="65" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="65" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="71" />
        <source>the last merge</source>
        <translation>上一次合并</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="73" />
        <source>new tag %1</source>
        <translation>新标记 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="81" />
        <source>%1 of tag %2</source>
        <translation>标记 %2 的%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="83" />
        <source>deleting tag %1</source>
        <translation>删除标记 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="85" />
        <source>restoring tag %1</source>
        <translation>恢复标记 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="86" />
        <source>last edit</source>
        <translation>上一步修改</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="90" />
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="91" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="92" />
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="93" />
        <source>end time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/window/feedback.py" line="94" />
        <source>stills</source>
        <translation>截图</translation>
    </message>
</context>
<context>
    <name>FileBanner</name>
    <message>
        <location filename="../../ui/window/banner.py" line="23" />
        <source>Click to dismiss</source>
        <translation>点击关闭</translation>
    </message>
</context>
<context>
    <name>FootageActions</name>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="35" />
        <source>Video (%1)</source>
        <translation>视频（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="37" />
        <source>Add footage</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="37" />
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/footage_actions.py" line="44" />
        <source>Checking %n file(s)…</source>
        <translation><numerusform>正在检查 %n 个文件…</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="50" />
        <source>Added %1 of %2 file(s)</source>
        <translation>已添加 %1 个文件（共 %2 个）</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="64" />
        <source>Where is the footage now?</source>
        <translation>视频现在在哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="70" />
        <source>Searching %1 for moved footage…</source>
        <translation>正在 %1 中查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="78" />
        <source>Relinked %1 file(s)</source>
        <translation>已重新关联 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="82" />
        <source>; refused look-alikes with other content: %1</source>
        <translation>；已拒绝同名但内容不同的文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="90" />
        <source>Save a copy as</source>
        <translation>另存为副本</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="92" />
        <source>Review project (*%1)</source>
        <translation>审片项目 (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/window/footage_actions.py" line="104" />
        <source>Copy saved: %1</source>
        <translation>副本已保存：%1</translation>
    </message>
</context>
<context>
    <name>KeyLegend</name>
    <message>
        <location filename="../../ui/keys/legend.py" line="53" />
        <source>%1/%2 range · %3 still · %4 all keys</source>
        <translation>%1/%2 区间 · %3 截图 · %4 全部快捷键</translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <location filename="../../ui/keys/keymap.py" line="79" />
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="80" />
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="81" />
        <source>Back 1 second</source>
        <translation>后退 1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="82" />
        <source>Forward 1 second</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="83" />
        <source>Back 10 seconds</source>
        <translation>后退 10 秒</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="84" />
        <source>Forward 10 seconds</source>
        <translation>前进 10 秒</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="85" />
        <source>Previous tag</source>
        <translation>上一个标记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="86" />
        <source>Next tag</source>
        <translation>下一个标记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="87" />
        <source>Go to a time or #frame</source>
        <translation>跳到某个时间或 #帧号</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="88" />
        <source>Go to the next stretch nobody has watched yet</source>
        <translation>跳到下一段还没人看过的画面</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="91" />
        <source>Next proposal (scene change, speech): a category key tags it, Del dismisses</source>
        <translation>下一个建议（场景切换、有人说话）：按类别键标记，Del 忽略</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="94" />
        <source>Previous proposal</source>
        <translation>上一个建议</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="95" />
        <source>Play dark and frozen stretches at 8× (on / off)</source>
        <translation>黑屏和静止画面以 8 倍速播放（开 / 关）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="98" />
        <source>Mark this file's dark and frozen stretches reviewed</source>
        <translation>把本视频的黑屏和静止画面标为已审</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="101" />
        <source>Presentation: next clip</source>
        <translation>放映：下一段</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="102" />
        <source>Presentation: previous clip</source>
        <translation>放映：上一段</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="103" />
        <source>Presentation: pause / go on</source>
        <translation>放映：暂停 / 继续</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="104" />
        <source>Presentation: black screen</source>
        <translation>放映：黑屏</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="105" />
        <source>Leave the presentation</source>
        <translation>退出放映</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="106" />
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="107" />
        <source>Play backward; again: faster (2×, 4×, 8×)</source>
        <translation>倒放；再按：加速（2×、4×、8×）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="110" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="111" />
        <source>Play forward; again: faster (2×, 4×, 8×)</source>
        <translation>正放；再按：加速（2×、4×、8×）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="112" />
        <source>Hold K, press J or L: one frame back or forward</source>
        <translation>按住 K 再按 J 或 L：后退或前进一帧</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="115" />
        <source>Mark the start of a range (then a category key)</source>
        <translation>标记区间起点（再按类别键）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="118" />
        <source>Mark the end of a range</source>
        <translation>标记区间终点</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="119" />
        <source>Add the frame on screen as a still to the selected tag</source>
        <translation>把画面上的帧作为截图加到所选标记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="122" />
        <source>Zoom in on the video (also: mouse wheel)</source>
        <translation>放大画面（也可用鼠标滚轮）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="123" />
        <source>Zoom out</source>
        <translation>缩小画面</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="124" />
        <source>Fit the video to the window</source>
        <translation>画面适应窗口</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="125" />
        <source>Full screen video (also: double-click the video)</source>
        <translation>全屏看视频（也可双击画面）</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="128" />
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="129" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="130" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="131" />
        <source>Delete the selected tag</source>
        <translation>删除所选标记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="132" />
        <source>This list of keys</source>
        <translation>显示本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="138" />
        <source>Tagging</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="139" />
        <source>Moving through the footage</source>
        <translation>在视频中移动</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="140" />
        <source>Playing</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="141" />
        <source>Viewing</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="142" />
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="143" />
        <source>Presentation mode</source>
        <translation>放映模式</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="144" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="232" />
        <source>Press one key</source>
        <translation>请按一个键</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="236" />
        <source>%1 is already the key for: %2</source>
        <translation>%1 已经是“%2”的快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/keys/keymap.py" line="243" />
        <source>%1 already tags the category %2</source>
        <translation>%1 已经用于标记类别“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/keys/sheet.py" line="46" />
        <source>Tag the frame on screen: %1</source>
        <translation>标记画面上的帧：%1</translation>
    </message>
</context>
<context>
    <name>KeySettings</name>
    <message>
        <location filename="../../ui/keys/settings.py" line="28" />
        <source>Settings: category keys</source>
        <translation>设置：类别快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/keys/settings.py" line="34" />
        <source>Click a field and press the key that should tag that category. Keys are kept for you on this computer, in every project.</source>
        <translation>点击输入框，再按下用来标记该类别的键。快捷键保存在这台电脑上您的设置里，对所有项目有效。</translation>
    </message>
    <message>
        <location filename="../../ui/keys/settings.py" line="59" />
        <source>Use the code book's keys</source>
        <translation>恢复问题分类表中的快捷键</translation>
    </message>
</context>
<context>
    <name>MediaBin</name>
    <message>
        <location filename="../../ui/media/media_bin.py" line="33" />
        <source>No footage yet: click “Add footage…” below.</source>
        <translation>还没有视频：请点击下方的“添加视频…”。</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="38" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="40" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="78" />
        <source>(offline)</source>
        <translation>（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="80" />
        <source>%1% watched</source>
        <translation>已看 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/media/media_bin.py" line="86" />
        <source>File not found; use “Find moved footage…”</source>
        <translation>找不到文件；请用“查找移动过的视频…”</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge/view.py" line="61" />
        <source>Merge reviewer packages</source>
        <translation>合并审片员数据包</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="91" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="92" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="93" />
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="94" />
        <source>Code book</source>
        <translation>问题分类表</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="106" />
        <source>Add packages…</source>
        <translation>添加数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="107" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="108" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="109" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="118" />
        <source>Apply merge</source>
        <translation>确认合并</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="120" />
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="130" />
        <source>Project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="130" />
        <source>Incoming</source>
        <translation>传入</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="133" />
        <source>Keep mine</source>
        <translation>保留本项目的</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="136" />
        <source>Take theirs</source>
        <translation>采用传入的</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="139" />
        <location filename="../../ui/merge/view.py" line="160" />
        <source>Keep both</source>
        <translation>两个都保留</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="151" />
        <source>First</source>
        <translation>第一条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="151" />
        <source>Second</source>
        <translation>第二条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="154" />
        <source>Merge into first</source>
        <translation>合并到第一条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="157" />
        <source>Merge into second</source>
        <translation>合并到第二条</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="173" />
        <source>Add to code book</source>
        <translation>加入问题分类表</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="176" />
        <source>Do not add</source>
        <translation>不加入</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="181" />
        <source>Entries a laptop's code book has and this project's lacks. Their tags are kept either way.</source>
        <translation>某台电脑的问题分类表中有、本项目没有的条目。无论是否加入，相关标记都会保留。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="222" />
        <source>Choose reviewer packages</source>
        <translation>选择审片员数据包</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="224" />
        <source>Reviewer packages (*.shenpian-pack *.zip);;All files (*)</source>
        <translation>审片员数据包 (*.shenpian-pack *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="247" />
        <source>Undoing the merge…</source>
        <translation>正在撤销合并…</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="258" />
        <source>The merge could not be undone: %1</source>
        <translation>无法撤销合并：%1</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="262" />
        <source>The merge was undone; the project is as it was before.</source>
        <translation>已撤销合并，项目已恢复到合并之前。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="271" />
        <source>The project is open read-only; nothing can be merged.</source>
        <translation>项目以只读方式打开，无法合并。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/view.py" line="275" />
        <source>Checking %n package(s)…</source>
        <translation><numerusform>正在检查 %n 个数据包…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/merge/view.py" line="276" />
        <source>Merging %n package(s)…</source>
        <translation><numerusform>正在合并 %n 个数据包…</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="336" />
        <source>Nothing was merged: %1</source>
        <translation>未合并任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="340" />
        <location filename="../../ui/merge/view.py" line="348" />
        <source>Nothing new: these packages were already merged.</source>
        <translation>没有新内容：这些数据包已经合并过。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="342" />
        <source>Preview, nothing changed yet: the merge would add %1, update %2 (identical %3); %4 new conflict(s), %5 likely duplicate(s), %8 exact duplicate(s) kept once, %6 code book proposal(s), %7 new footage file(s). Press Apply merge to merge.</source>
        <translation>预览（尚未改动项目）：合并将新增 %1 条，更新 %2 条（相同 %3 条）；新冲突 %4 个，疑似重复 %5 对，完全相同只保留一条的 %8 条，分类表建议 %6 条，新视频 %7 个。点“确认合并”执行合并。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="350" />
        <source>Added %1, updated %2, identical %3; %4 new conflict(s), %5 likely duplicate(s), %8 exact duplicate(s) kept once, %6 code book proposal(s), %7 new footage file(s). Edit ▸ Undo (or Undo merge) puts it all back.</source>
        <translation>新增 %1 条，更新 %2 条，相同 %3 条；新冲突 %4 个，疑似重复 %5 对，完全相同只保留一条的 %8 条，分类表建议 %6 条，新视频 %7 个。用“编辑 ▸ 撤销”（或“撤销合并”）可全部恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="369" />
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="389" />
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="391" />
        <source>Likely duplicates (%1)</source>
        <translation>疑似重复（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="393" />
        <source>Code book (%1)</source>
        <translation>问题分类表（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="501" />
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="501" />
        <source>about frame %1</source>
        <translation>约第 %1 帧</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="525" />
        <source>edited on both sides</source>
        <translation>双方都修改过</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="527" />
        <source>edited on one side, deleted on the other</source>
        <translation>一方修改、另一方删除</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="534" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="535" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="536" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="537" />
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="538" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="539" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="540" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="541" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="542" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="543" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="544" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="545" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="546" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="547" />
        <source>Stills</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="548" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="549" />
        <source>Last edited by</source>
        <translation>最后修改人</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="550" />
        <source>Last edited at</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/merge/view.py" line="551" />
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
</context>
<context>
    <name>PresentDialog</name>
    <message>
        <location filename="../../ui/present/dialog.py" line="31" />
        <source>Presentation</source>
        <translation>放映</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="36" />
        <source>The tags the table shows</source>
        <translation>标记表中显示的标记</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="38" />
        <source>The editor's playlist</source>
        <translation>剪辑清单</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="47" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="48" />
        <source>Mosaic faces and marked regions</source>
        <translation>人脸和标出的区域打码</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="50" />
        <source>Unredacted: every picture is marked “未打码 · 内部资料”</source>
        <translation>不打码：每个画面都标注“未打码 · 内部资料”</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="53" />
        <source>Show</source>
        <translation>放映内容</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="54" />
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="55" />
        <source>Handles before and after</source>
        <translation>前后各留</translation>
    </message>
    <message>
        <location filename="../../ui/present/dialog.py" line="79" />
        <source>Nothing to show: no selected tag has its footage here</source>
        <translation>没有可放映的内容：所选标记的视频都不在本机</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../ui/present/presentation.py" line="55" />
        <source>Presentation</source>
        <translation>放映</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <location filename="../../ui/present/presenter.py" line="22" />
        <source>Presenter view</source>
        <translation>演讲者视图</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="37" />
        <source>PageDown / → next · PageUp / ← previous · Space pause · B black · Esc leave</source>
        <translation>PageDown / → 下一段 · PageUp / ← 上一段 · 空格 暂停 · B 黑屏 · Esc 退出</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="41" />
        <source>On screen</source>
        <translation>正在放映</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="42" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="43" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="46" />
        <source>Next</source>
        <translation>下一段</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="50" />
        <source>No sound output on this computer: the picture plays without sound</source>
        <translation>这台电脑没有可用的声音输出：只放画面，没有声音</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="67" />
        <source>End of the screening</source>
        <translation>放映结束</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="73" />
        <source> (black)</source>
        <translation>（黑屏）</translation>
    </message>
    <message>
        <location filename="../../ui/present/presenter.py" line="73" />
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
</context>
<context>
    <name>ProjectBanner</name>
    <message>
        <location filename="../../ui/window/banner.py" line="53" />
        <source>Click to hide</source>
        <translation>点击隐藏</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <location filename="../../ui/project/session.py" line="34" />
        <source>Not changed: wait until this is done: %1</source>
        <translation>未修改：请等这项操作完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/project/session.py" line="116" />
        <source>Undoing the merge…</source>
        <translation>正在撤销合并…</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="38" />
        <source>Re-check proposals</source>
        <translation>复查（回头看）建议</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="41" />
        <source>Tags of a later round that may re-inspect an earlier problem. Confirm each with the result of the re-inspection, or reject it.</source>
        <translation>以下是后一期中可能复查了前期问题的标记。请逐条确认并填写复查结果，或驳回。</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="57" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="58" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="59" />
        <source>Show the tag</source>
        <translation>查看标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="61" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Later tag</source>
        <translation>本期标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Earlier problem</source>
        <translation>原问题</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="71" />
        <source>Earlier state</source>
        <translation>原问题状态</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="72" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/recheck_dialog.py" line="72" />
        <source>Result</source>
        <translation>复查结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/campaign/recheck_dialog.py" line="93" />
        <source>%n proposal(s)</source>
        <translation><numerusform>%n 条建议</numerusform></translation>
    </message>
</context>
<context>
    <name>RectificationPanel</name>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="73" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="74" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="76" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="80" />
        <source>Measures taken</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="81" />
        <source>Rectified on</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="82" />
        <source>Evidence</source>
        <translation>整改证据</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="85" />
        <source>Re-inspection</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="92" />
        <source>Closure</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="95" />
        <source>Re-checks</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="103" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="104" />
        <source>Back to the code book's deadline</source>
        <translation>恢复代码本规定的整改时限</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="126" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="128" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="143" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="205" />
        <source>Not re-inspected</source>
        <translation>未复查</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="212" />
        <source>Reopen</source>
        <translation>撤销销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="212" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="221" />
        <source>Re-checks a problem of %1 at %2</source>
        <translation>复查%1的问题（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="226" />
        <source>Re-checked in %1: %2</source>
        <translation>%1复查：%2</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="261" />
        <source>Add evidence</source>
        <translation>添加整改证据</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rectification.py" line="262" />
        <source>Photos, videos, documents (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.pdf *.doc *.docx);;All files (*)</source>
        <translation>照片、视频、文档 (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.pdf *.doc *.docx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RedactionChoice</name>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="17" />
        <source>Unredacted, internal only (marked 未打码 · 内部资料)</source>
        <translation>不打码，仅限内部（标注“未打码 · 内部资料”）</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="19" />
        <source>Mosaic</source>
        <translation>马赛克</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="20" />
        <source>Blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="45" />
        <source>Unredacted export: every picture is marked 未打码 · 内部资料.</source>
        <translation>未打码导出：每个画面都标注“未打码 · 内部资料”。</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="47" />
        <source>No face detection has run yet: faces are found and mosaicked during the export (slower; Detect in the privacy panel lets you check them first).</source>
        <translation>还没有运行过人脸检测：导出时会自动检测并打码（较慢；可先在“隐私打码”面板中检测并检查）。</translation>
    </message>
    <message>
        <location filename="../../ui/redact/export_choice.py" line="52" />
        <source>Redaction not checked for %1 tag(s): %2</source>
        <translation>%1 个标记的打码未经检查：%2</translation>
    </message>
</context>
<context>
    <name>RedactionController</name>
    <message>
        <location filename="../../ui/redact/controller.py" line="100" />
        <source>Select a tag on this footage first</source>
        <translation>请先选择本段视频上的标记</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="133" />
        <source>Following the region…</source>
        <translation>正在跟踪区域…</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="148" />
        <source>The footage of this tag is offline</source>
        <translation>该标记的视频离线</translation>
    </message>
    <message>
        <location filename="../../ui/redact/controller.py" line="150" />
        <source>Looking for faces…</source>
        <translation>正在检测人脸…</translation>
    </message>
</context>
<context>
    <name>RedactionPanel</name>
    <message>
        <location filename="../../ui/redact/panel.py" line="77" />
        <source>Detect faces</source>
        <translation>检测人脸</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="79" />
        <source>Draw region</source>
        <translation>手动框选</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="81" />
        <source>Preview mosaic</source>
        <translation>预览打码</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="84" />
        <source>Mosaic</source>
        <translation>马赛克</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="85" />
        <source>Blur</source>
        <translation>模糊</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="93" />
        <source>Delete (false detection)</source>
        <translation>删除（误检）</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="95" />
        <source>Keep visible</source>
        <translation>保留不打码</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="140" />
        <source>No tag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="141" />
        <location filename="../../ui/redact/panel.py" line="148" />
        <source>Mark checked</source>
        <translation>标为已检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="143" />
        <source>Checked by %1 at %2</source>
        <translation>已检查：%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="145" />
        <source>Mark unchecked</source>
        <translation>标为未检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="147" />
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="153" />
        <source>Face</source>
        <translation>人脸</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="153" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/redact/panel.py" line="157" />
        <source>(kept visible)</source>
        <translation>（保留不打码）</translation>
    </message>
</context>
<context>
    <name>RedactionUi</name>
    <message>
        <location filename="../../ui/redact/install.py" line="28" />
        <source>Privacy mosaic</source>
        <translation>隐私打码</translation>
    </message>
</context>
<context>
    <name>RefusedFiles</name>
    <message>
        <location filename="../../ui/project/adding.py" line="96" />
        <source>Some files were not added</source>
        <translation>有些文件没有添加</translation>
    </message>
    <message>
        <location filename="../../ui/project/adding.py" line="98" />
        <source>%1 of %2 file(s) added. These were not added:</source>
        <translation>共 %2 个文件，已添加 %1 个。以下文件没有添加：</translation>
    </message>
    <message>
        <location filename="../../ui/project/adding.py" line="102" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/project/adding.py" line="102" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReviewAids</name>
    <message>
        <location filename="../../ui/review/aids.py" line="46" />
        <source>Scanning %1 for dark and frozen stretches: %2%</source>
        <translation>正在扫描 %1 的黑屏和静止画面：%2%</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="58" />
        <source>Everything in this file has been watched</source>
        <translation>本视频已全部看过</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="62" />
        <source>Next unwatched stretch: %1 (%2 left to watch)</source>
        <translation>下一段未看画面：%1（还剩 %2 未看）</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="68" />
        <source>No dark or frozen stretches found in this file (yet)</source>
        <translation>本视频（暂时）没有发现黑屏或静止画面</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="71" />
        <source>Marked %1 dark or frozen stretch(es) reviewed (%2)</source>
        <translation>已把 %1 段黑屏或静止画面标为已审（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="76" />
        <source>Dark and frozen stretches play at 8×</source>
        <translation>黑屏和静止画面以 8 倍速播放</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="77" />
        <source>Dark and frozen stretches play at normal speed</source>
        <translation>黑屏和静止画面按正常速度播放</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="82" />
        <source>No more proposals in this direction</source>
        <translation>这个方向没有更多建议了</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="84" />
        <source>scene change</source>
        <translation>场景切换</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="84" />
        <source>speech</source>
        <translation>有人说话</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="85" />
        <source>Proposal: %1 — a category key tags this frame, Del dismisses it</source>
        <translation>建议：%1 —— 按类别键标记这一帧，Del 忽略</translation>
    </message>
    <message>
        <location filename="../../ui/review/aids.py" line="90" />
        <source>Proposal dismissed</source>
        <translation>已忽略该建议</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/review/controller.py" line="116" />
        <source>Not tagged: the file is still opening, no frame of it is on screen yet</source>
        <translation>未标记：文件还在打开，画面上还没有它的帧</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="118" />
        <source>Not tagged: frame %1 could not be decoded, so it is not on screen</source>
        <translation>未标记：第 %1 帧无法解码，画面上没有这一帧</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="122" />
        <source>Not tagged: this file could not be opened</source>
        <translation>未标记：这个文件无法打开</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="123" />
        <source>Not tagged: open a footage file first</source>
        <translation>未标记：请先打开一个视频文件</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="145" />
        <source>Tagged a DAMAGED frame (%1): the file is broken here</source>
        <translation>已标记一个损坏的帧（第 %1 帧）：文件在这里有损坏</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="185" />
        <source>Select a tag first, then press S to add a still</source>
        <translation>请先选择一个标记，再按 S 添加截图</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="193" />
        <source>This still (%1) is outside the selected tag (%2). Attach it anyway?</source>
        <translation>这张截图（%1）不在所选标记的时间范围（%2）内。仍然加到这个标记上吗？</translation>
    </message>
    <message>
        <location filename="../../ui/review/controller.py" line="202" />
        <source>Still %1 added to the tag</source>
        <translation>已把截图 %1 加到标记上</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>Tag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>Tags</source>
        <translation>标记列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>Click to go there · drag a tag to move it · Ctrl+wheel zooms, wheel scrolls</source>
        <translation>点击跳到该处 · 拖动标记可移动它 · Ctrl+滚轮缩放，滚轮左右移动</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>The footage file is missing: %1. Use “Find moved footage…”.</source>
        <translation>视频文件不见了：%1。请用“查找移动过的视频…”。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300" />
        <source>Attach still</source>
        <translation>添加截图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="410" />
        <source>NOT SAVED: %1 — retrying</source>
        <translation>未保存：%1 —— 正在重试</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416" />
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="434" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439" />
        <source>Double-click a file in the Footage list on the left to start reviewing.</source>
        <translation>双击左侧“视频”列表中的文件，开始审片。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="443" />
        <source>This project has no footage yet.
Add footage with File → Add footage… (Ctrl+I) or the button on the left.</source>
        <translation>这个项目还没有视频。
请用 文件 → 添加视频…（Ctrl+I）或左侧的按钮添加。</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="74" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="78" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="82" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="84" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="90" />
        <source>Save a copy as…</source>
        <translation>另存为副本…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="97" />
        <source>Add footage…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="102" />
        <source>Find moved footage…</source>
        <translation>查找移动过的视频…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="108" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="115" />
        <source>Merge reviewers' packages…</source>
        <translation>合并审片员数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="118" />
        <source>Presentation…</source>
        <translation>放映…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="124" />
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="128" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="137" />
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="141" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="143" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="148" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="155" />
        <source>Delete tag</source>
        <translation>删除标记</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="163" />
        <source>Category keys…</source>
        <translation>类别快捷键…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="167" />
        <source>Skipping and proposals…</source>
        <translation>跳过与建议的阈值…</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="174" />
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="189" />
        <source>&amp;Tag</source>
        <translation>标记(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="201" />
        <source>Tag as %1</source>
        <translation>标记为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="211" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="212" />
        <source>Full screen video</source>
        <translation>全屏看视频</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="214" />
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="221" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="228" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="232" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/window/menus.py" line="239" />
        <source>Start page</source>
        <translation>开始页</translation>
    </message>
</context>
<context>
    <name>RoundsDialog</name>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="66" />
        <source>Inspection rounds</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="75" />
        <source>e.g. 第6期</source>
        <translation>例如 第6期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="79" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="80" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="81" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>To (meeting)</source>
        <translation>结束日期（督办会）</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="82" />
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Inspection teams</source>
        <translation>暗访组</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="91" />
        <source>Add as a new round</source>
        <translation>新增期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="92" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="93" />
        <source>Make current</source>
        <translation>设为当前期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="94" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="105" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Tag count</source>
        <translation>标记数</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/rounds_dialog.py" line="106" />
        <source>Current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>ScanSettings</name>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="24" />
        <source>Skipping and proposals</source>
        <translation>跳过与建议的阈值</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="27" />
        <source>Dark below this brightness (0–255)</source>
        <translation>亮度低于此值为黑屏（0–255）</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="28" />
        <source>Frozen below this change between frames</source>
        <translation>帧间变化低于此值为画面静止</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="29" />
        <source>Near-static (and silent) below this change</source>
        <translation>帧间变化低于此值（且无声）为几乎不动</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="30" />
        <source>Shortest stretch to skip (seconds)</source>
        <translation>可跳过片段的最短时长（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="31" />
        <source>A scene change is a jump of at least</source>
        <translation>帧间跳变至少为此值算场景切换</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="32" />
        <source>Silence below (dBFS)</source>
        <translation>低于此值为无声（dBFS）</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="33" />
        <source>Speech above, in the voice band (dBFS)</source>
        <translation>人声频段高于此值为有人说话（dBFS）</translation>
    </message>
    <message>
        <location filename="../../ui/review/scan_settings.py" line="34" />
        <source>Shortest speech (seconds)</source>
        <translation>说话的最短时长（秒）</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/app.py" line="131" />
        <source>Making the demo footage (first start only)…</source>
        <translation>正在生成演示视频（只在第一次启动时）…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="194" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../ui/keys/sheet.py" line="53" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/keys/sheet.py" line="57" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/keys/sheet.py" line="57" />
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/keys/sheet.py" line="57" />
        <source>Action</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>ShowScreen</name>
    <message>
        <location filename="../../ui/present/screen.py" line="42" />
        <source>End of the screening</source>
        <translation>放映结束</translation>
    </message>
    <message>
        <location filename="../../ui/present/screen.py" line="59" />
        <source>This clip cannot be played: %1</source>
        <translation>此片段无法播放：%1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/project/start_page.py" line="35" />
        <source>Review project (*%1)</source>
        <translation>审片项目 (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="39" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="45" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="57" />
        <location filename="../../ui/project/start_page.py" line="61" />
        <source>Footage reviewer</source>
        <translation>暗访审片</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="67" />
        <source>Start with a new project for this month's footage, or open one you have. Not sure? Open the demo project and look around.</source>
        <translation>为本月的视频新建一个项目，或打开已有的项目。不确定怎么做？先打开演示项目看看。</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="76" />
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="77" />
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="78" />
        <source>Open the demo project</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="92" />
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../ui/project/start_page.py" line="100" />
        <source>(none yet: the projects you open are listed here)</source>
        <translation>（还没有：打开过的项目会列在这里）</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="89" />
        <source>Rounds</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="166" />
        <source>No county</source>
        <translation>未填县市</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <location filename="../../ui/campaign/stats_panel.py" line="175" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="169" />
        <source>Recurred</source>
        <translation>反弹</translation>
    </message>
    <message>
        <location filename="../../ui/campaign/stats_panel.py" line="184" />
        <source>%1 problem(s) · %2 overdue · %3 recurred</source>
        <translation>问题 %1 个 · 逾期 %2 个 · 反弹 %3 个</translation>
    </message>
</context>
<context>
    <name>StillStrip</name>
    <message>
        <location filename="../../ui/tags/stills.py" line="63" />
        <source>No stills yet: select the tag and press S on a frame</source>
        <translation>还没有截图：选中标记后，在画面上按 S</translation>
    </message>
    <message>
        <location filename="../../ui/tags/stills.py" line="106" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../ui/tags/editor.py" line="81" />
        <source>Choose, or type a new unit and press Enter</source>
        <translation>请选择，或输入新的单位后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="92" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="93" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="94" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="95" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="96" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="97" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="98" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="99" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="100" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="101" />
        <source>Stills</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="134" />
        <source>A responsible unit must be chosen from the list</source>
        <translation>责任单位必须从列表中选择</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="137" />
        <source>“%1” added to the code book's responsible units</source>
        <translation>已把“%1”加入问题分类表的责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="142" />
        <source>Still</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="162" />
        <source>The tag was removed (undo brings it back)</source>
        <translation>这个标记已被移除（撤销可以恢复）</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="163" />
        <source>No tag selected: press a category key on a frame to make one</source>
        <translation>未选中标记：在画面上按类别键即可新建标记</translation>
    </message>
    <message>
        <location filename="../../ui/tags/editor.py" line="193" />
        <source>Tag at %1</source>
        <translation>标记：%1</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <location filename="../../ui/tags/panel.py" line="90" />
        <source>Search place and note</source>
        <translation>搜索地点和备注（如：垃圾）</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="97" />
        <source>Incomplete only</source>
        <translation>仅未填完整</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="113" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="118" />
        <source>All counties</source>
        <translation>全部县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="121" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="124" />
        <source>All reviewers</source>
        <translation>全部审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="128" />
        <source>All rounds</source>
        <translation>全部期次</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="159" />
        <source>No tag matches these filters.</source>
        <translation>没有符合这些筛选条件的标记。</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="162" />
        <source>No tags yet. On the frame that shows a problem, press the category's key (the strip under the video lists them).</source>
        <translation>还没有标记。在显示问题的画面上，按下该类别的键（画面下方的按键条列出了所有类别）。</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="225" />
        <source>Set status</source>
        <translation>设置整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="231" />
        <source>Set severity</source>
        <translation>设置严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="236" />
        <source>Set county</source>
        <translation>设置县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/panel.py" line="243" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TagTable</name>
    <message>
        <location filename="../../ui/campaign/table_flags.py" line="16" />
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="55" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="56" />
        <source>Footage</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="57" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="58" />
        <location filename="../../ui/tags/table_model.py" line="73" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="59" />
        <location filename="../../ui/tags/table_model.py" line="74" />
        <source>County</source>
        <translation>县市</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="60" />
        <location filename="../../ui/tags/table_model.py" line="76" />
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="61" />
        <location filename="../../ui/tags/table_model.py" line="77" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="62" />
        <location filename="../../ui/tags/table_model.py" line="78" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="63" />
        <source>Status</source>
        <translation>整改状态</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="64" />
        <source>Round</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="65" />
        <source>Reviewer</source>
        <translation>审片人</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="66" />
        <source>Missing</source>
        <translation>待填项</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="67" />
        <location filename="../../ui/tags/table_model.py" line="79" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/tags/table_model.py" line="75" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../ui/media/transport.py" line="39" />
        <source>Previous frame (←)</source>
        <translation>上一帧（←）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="40" />
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="41" />
        <source>Next frame (→)</source>
        <translation>下一帧（→）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="44" />
        <source>Speed (J/K/L change it too)</source>
        <translation>速度（J/K/L 也可调节）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="55" />
        <source>Go to h:mm:ss.mmm or #frame</source>
        <translation>跳转 时:分:秒.毫秒 或 #帧号</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="65" />
        <source>Reaction-lag offset applied to keyboard tags</source>
        <translation>按键标记时减去的反应延迟</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="67" />
        <source>Brightness (view only)</source>
        <translation>亮度（仅显示）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="68" />
        <source>Contrast (view only)</source>
        <translation>对比度（仅显示）</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="73" />
        <source>Lag</source>
        <translation>反应延迟</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="121" />
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="126" />
        <source>not decoded</source>
        <translation>未解码</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="128" />
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/media/transport.py" line="134" />
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <location filename="../../ui/media/video_view.py" line="88" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/media/video_view.py" line="91" />
        <source>Could not open this file.
%1</source>
        <translation>无法打开这个文件。
%1</translation>
    </message>
    <message>
        <location filename="../../ui/media/video_view.py" line="93" />
        <source>Frame %1 could not be decoded: %2
Step on with → or ←.</source>
        <translation>第 %1 帧无法解码：%2
可用 → 或 ← 继续逐帧查看。</translation>
    </message>
    <message>
        <location filename="../../ui/media/video_view.py" line="96" />
        <source>Damaged frame</source>
        <translation>此帧损坏</translation>
    </message>
</context>
</TS>