; Inno Setup script: installs the one-folder bundle (dist\casefile-VERSION built on
; Windows with `packaging\build.sh`'s pyinstaller line) per user, with a Start-menu entry
; and the .casefile association. NOT TESTED: no Windows machine in this project yet;
; see packaging/README.md ("What is tested where").
#define AppVersion GetEnv("CASEFILE_VERSION")
#define Dist "..\..\dist\casefile-" + AppVersion

[Setup]
AppId=org.casefileexplorer.CaseFileExplorer
AppName=Case File Explorer
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\Case File Explorer
PrivilegesRequired=lowest
ChangesAssociations=yes
SetupIconFile=..\icons\casefile.ico
OutputBaseFilename=CaseFileExplorer-{#AppVersion}-setup

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: recursesubdirs
Source: "..\icons\casefile.ico"; DestDir: "{app}"

[Icons]
Name: "{userprograms}\Case File Explorer"; Filename: "{app}\casefile.exe"; IconFilename: "{app}\casefile.ico"

[Registry]
; .casefile -> ProgID -> "casefile.exe" "%1", with the app's icon.
Root: HKCU; Subkey: "Software\Classes\.casefile"; ValueType: string; ValueData: "CaseFileExplorer.casefile"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\CaseFileExplorer.casefile"; ValueType: string; ValueData: "Case file"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\CaseFileExplorer.casefile\DefaultIcon"; ValueType: string; ValueData: "{app}\casefile.ico,0"
Root: HKCU; Subkey: "Software\Classes\CaseFileExplorer.casefile\shell\open\command"; ValueType: string; ValueData: """{app}\casefile.exe"" ""%1"""
